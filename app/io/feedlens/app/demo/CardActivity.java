package io.feedlens.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent payments of every card, as a feature job keeps them in memory. A payment seen twice (a producer retry)
 * is one fact and counts once; late payments count in whatever windows their event time falls into.
 */
public final class CardActivity {

    /** Nothing older than the longest window matters; a little slack keeps late events. */
    private static final Duration KEEP = FeatureView.AMOUNT_STATS_1H.window().plusMinutes(10);

    private final Map<String, Map<String, SeenPayment>> byCard = new HashMap<>();

    /** Remembers a payment; returns false when the same payment id was already seen for this card. */
    public boolean record(String card, SeenPayment payment) {
        Map<String, SeenPayment> payments = byCard.computeIfAbsent(card, c -> new LinkedHashMap<>());
        if (payments.containsKey(payment.paymentId())) {
            return false;
        }
        payments.put(payment.paymentId(), payment);
        Instant horizon = payment.eventTime().minus(KEEP);
        payments.values().removeIf(p -> p.eventTime().isBefore(horizon));
        return true;
    }

    /** The card's payments with event time in {@code (at - window, at]}, in the order they were seen. */
    public List<SeenPayment> within(String card, Instant at, Duration window) {
        List<SeenPayment> inWindow = new ArrayList<>();
        for (SeenPayment payment : byCard.getOrDefault(card, Map.of()).values()) {
            if (payment.eventTime().isAfter(at.minus(window)) && !payment.eventTime().isAfter(at)) {
                inWindow.add(payment);
            }
        }
        return inWindow;
    }

    public int cards() {
        return byCard.size();
    }
}
