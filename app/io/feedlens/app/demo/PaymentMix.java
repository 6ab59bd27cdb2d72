package io.feedlens.app.demo;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Where the demo's cards shop and how much they spend: merchants, home countries, amounts that look like a card
 * network's (mostly tens of euros, now and then a few thousand). Draws only from the caller's {@link Random}.
 */
public final class PaymentMix {

    private static final List<String> MERCHANTS = List.of(
            "Lidl Berlin", "Carrefour Lyon", "Amazon EU", "Zalando", "Shell Rotterdam", "IKEA Delft", "Deutsche Bahn",
            "Uber Trip", "Spotify", "Apple Store", "MediaMarkt", "Ryanair", "Booking.com", "Decathlon", "Tesco Leeds",
            "Steam Games", "Airbnb", "Bol.com", "El Corte Ingles", "Fnac Paris");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "ES", "IT", "GB", "US");
    /** One payment in this many is made abroad, the kind a fraud model looks twice at. */
    private static final int ABROAD_ONE_IN = 12;

    private PaymentMix() {
    }

    /** The cards of a feed: {@code card-0101}, {@code card-0102}, ... */
    public static List<String> cards(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("card-%04d", 101 + i)).toList();
    }

    /** A payment by {@code card} at {@code time}, with ids and trace context drawn from {@code random}. */
    public static Payment payment(Random random, String card, Instant time) {
        String country = random.nextInt(ABROAD_ONE_IN) == 0
                ? COUNTRIES.get(random.nextInt(COUNTRIES.size()))
                : homeCountry(card);
        return new Payment(TraceIds.next("p", random), card, MERCHANTS.get(random.nextInt(MERCHANTS.size())),
                amount(random), currency(country), country, time, TraceIds.next("c", random),
                TraceIds.traceparent(TraceIds.newTraceId(random), random));
    }

    /** Log-normal around 35 with a long tail, in cents. */
    private static double amount(Random random) {
        double amount = Math.exp(3.5 + 1.0 * random.nextGaussian());
        return FraudFeatures.cents(Math.min(Math.max(amount, 0.5), 9_500));
    }

    private static String homeCountry(String card) {
        return COUNTRIES.get(Math.floorMod(card.hashCode(), COUNTRIES.size()));
    }

    private static String currency(String country) {
        return switch (country) {
            case "GB" -> "GBP";
            case "US" -> "USD";
            default -> "EUR";
        };
    }
}
