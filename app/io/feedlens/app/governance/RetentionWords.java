package io.feedlens.app.governance;

import java.time.Duration;

/** A retention as people say it: "7 d", "36 h", "90 min", "1500 ms". */
public final class RetentionWords {

    private RetentionWords() {
    }

    public static String of(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return duration.toMillis() % 1000 == 0 ? seconds + " s" : duration.toMillis() + " ms";
    }
}
