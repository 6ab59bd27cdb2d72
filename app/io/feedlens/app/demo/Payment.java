package io.feedlens.app.demo;

import java.time.Instant;

/**
 * One payment attempt at the gateway: the event the fraud features are computed from.
 * The correlation id and trace parent travel in headers, not in the JSON value.
 */
public record Payment(String paymentId, String card, String merchant, double amount, String currency, String country,
                      Instant eventTime, String correlationId, String traceparent) {
}
