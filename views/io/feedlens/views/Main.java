package io.feedlens.views;

import io.feedlens.app.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
        int exit = args.length == 0 ? plainDesktop() : commandLine(args).execute(args);
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

    /**
     * FeedLens's command line for these arguments. The headless subcommands join only when the arguments are more
     * than the desktop's own options: building their model costs a third of a second that the window should not wait
     * for. Help, the version, a subcommand or a word nobody knows all get the whole model, so they read as before.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine line = new CommandLine(new FeedLensCommand(), new CommandFactory());
        if (!onlyDesktopOptions(line.getCommandSpec(), args)) {
            FeedLensCommand.HEADLESS.forEach(line::addSubcommand);
        }
        return line;
    }

    private static boolean onlyDesktopOptions(CommandSpec desktop, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String[] nameAndValue = args[i].split("=", 2);
            OptionSpec option = desktop.optionsMap().get(nameAndValue[0]);
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return false;
            }
            if (option.arity().max() > 0 && nameAndValue.length == 1) {
                i++;
            }
        }
        return true;
    }
}
