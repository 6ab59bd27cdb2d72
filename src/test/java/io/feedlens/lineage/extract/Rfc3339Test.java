package io.feedlens.lineage.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast reader must give exactly what {@code Instant.parse} gives, or step aside (null) and let it answer. */
class Rfc3339Test {

    @Test
    void readsWhatInstantParseReadsForRandomTimesAndEveryFractionWidth() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 253_402_300_799L), random.nextInt(1_000_000_000));
            String iso = instant.toString(); // 0, 3, 6 or 9 fraction digits
            assertThat(Rfc3339.commonShape(iso)).as(iso).isEqualTo(Instant.parse(iso));
            String cut = withFractionDigits(iso, random.nextInt(10));
            assertThat(Rfc3339.commonShape(cut)).as(cut).isEqualTo(Instant.parse(cut));
        }
    }

    @Test
    void oddTextsAreLeftToInstantParseOrRefusedByBoth() {
        List<String> odd = List.of("2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2026-11-31T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-11-26T24:00:00Z", "2026-12-31T23:59:60Z", "2026-11-26t10:00:00z",
                "2026-11-26T10:00:00+02:00", "2026-11-26T10:00:00.Z", "2026-11-26T10:00:00.1234567890Z", "2026-11-26T10:00Z",
                "+12026-11-26T10:00:00Z", "-0001-11-26T10:00:00Z", "0000-01-01T00:00:00Z", "2026-1x-26T10:00:00Z",
                "2026-11-26 10:00:00Z", "2026-11-26T10:00:00", "2026-11-26T1:00:00Z", "２０２６-11-26T10:00:00Z");
        for (String text : odd) {
            Instant fast = Rfc3339.commonShape(text);
            Instant read = fast != null ? fast : parsedOrNull(text);
            assertThat(read).as(text).isEqualTo(parsedOrNull(text));
        }
        assertThat(Rfc3339.commonShape("2026-02-29T10:00:00Z")).isNull();
        assertThat(Rfc3339.commonShape("2024-02-29T10:00:00Z")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(Rfc3339.commonShape("2026-11-26T10:00:00.5Z")).isEqualTo(Instant.parse("2026-11-26T10:00:00.500Z"));
    }

    private static String withFractionDigits(String iso, int digits) {
        String whole = iso.substring(0, 19);
        String fraction = iso.length() > 20 ? iso.substring(20, iso.length() - 1) : "";
        String padded = (fraction + "000000000").substring(0, 9).substring(0, digits);
        return whole + (digits == 0 ? "" : "." + padded) + "Z";
    }

    private static Instant parsedOrNull(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
