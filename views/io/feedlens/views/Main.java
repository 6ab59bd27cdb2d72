package io.feedlens.views;

import io.feedlens.app.DataFolder;

/**
 * The one entry point: {@code java -jar feedlens.jar} opens the desktop app, {@code java -jar feedlens.jar COMMAND …}
 * runs a headless command. Deliberately not an {@code Application} subclass, so JavaFX can live on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The log file lives in the data folder, so it is settled before the first logger is made.
        DataFolder.configure(args);
        int exit = args.length == 0 ? plainDesktop() : CommandFactory.commandLine(args).execute(args);
        // Kafka clients and the embedded broker leave non-daemon threads behind; the answer is given, so leave.
        System.exit(exit);
    }

    /**
     * A launch from the menu has no arguments, so nothing to parse: picocli's first use costs a fifth of a second
     * before the window can start. A failure reads as picocli would print it.
     */
    private static int plainDesktop() {
        try {
            return new FeedLensCommand().call();
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }
}
