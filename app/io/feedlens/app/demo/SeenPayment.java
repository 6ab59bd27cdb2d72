package io.feedlens.app.demo;

import java.time.Instant;

/**
 * A payment as a feature job remembers it: enough to aggregate and to name it as a lineage parent.
 *
 * @param parentRef how a feature record names this payment in {@code ce_lineageparents}: {@code id:<ce_id>} or coordinates
 */
public record SeenPayment(String paymentId, String parentRef, Instant eventTime, double amount) {

    /** Names the payment by its {@code ce_id}, the way the seeded feed does. */
    public static SeenPayment byId(Payment payment) {
        return new SeenPayment(payment.paymentId(), "id:" + payment.paymentId(), payment.eventTime(), payment.amount());
    }
}
