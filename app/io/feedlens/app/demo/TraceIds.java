package io.feedlens.app.demo;

import java.util.HexFormat;
import java.util.Random;

/**
 * Ids and W3C trace context for demo records. Everything comes from a {@link Random} the caller owns, so a seeded
 * feed writes the same ids on every run.
 */
final class TraceIds {

    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    /** An id such as {@code p-3fa4c2e19b0d7a61}: a role letter and 64 random bits. */
    static String next(String role, Random random) {
        return role + "-" + HEX.toHexDigits(random.nextLong());
    }

    /** A 32-hex-digit W3C trace id shared by one payment's whole flow. */
    static String newTraceId(Random random) {
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong() | 1L);
    }

    /** The {@code traceparent} of one hop of a flow: version 00, a fresh span id, sampled. */
    static String traceparent(String traceId, Random random) {
        return "00-" + traceId + "-" + HEX.toHexDigits(random.nextLong() | 1L) + "-01";
    }

    /** The trace id inside a {@code traceparent}, so later hops can continue the same trace. */
    static String traceIdOf(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }
}
