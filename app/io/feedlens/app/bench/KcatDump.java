package io.feedlens.app.bench;

import java.io.File;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/** Times Debian's kcat dumping a topic from the beginning to its end, as a third-party reference for reading speed. */
final class KcatDump {

    private KcatDump() {
    }

    /** Records per second, or empty when kcat is not installed or fails. */
    static OptionalDouble time(String bootstrap, String topic, long records) {
        try {
            long began = System.nanoTime();
            Process kcat = new ProcessBuilder("kcat", "-C", "-b", bootstrap, "-t", topic, "-o", "beginning", "-e", "-q")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(new File("/dev/null"))
                    .start();
            if (!kcat.waitFor(10, TimeUnit.MINUTES) || kcat.exitValue() != 0) {
                kcat.destroyForcibly();
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(records / ((System.nanoTime() - began) / 1e9));
        } catch (java.io.IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }
}
