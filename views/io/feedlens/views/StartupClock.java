package io.feedlens.views;

import java.lang.management.ManagementFactory;

import javafx.scene.Scene;

/**
 * Says when the first window became usable: at the end of the first layout pass after the stage shows, the time
 * since the JVM started, on standard output. {@code bench startup} reads that line from the child process it
 * launched. No logger: the baseline window prints it too, and must not pay for setting up logging.
 */
public final class StartupClock {

    /** The start of the line on standard output; the milliseconds since JVM start follow it. */
    public static final String SHOWN = "FeedLens window shown after ";

    private StartupClock() {
    }

    /**
     * Call on the FX thread just before {@code stage.show()}; prints once, after the first laid-out pulse, then runs
     * {@code then} (the work that waits for the window).
     */
    public static void reportFirstLayout(Scene scene, String what, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(SHOWN + millis + " ms (" + what + ")");
            System.out.flush();
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
