package io.feedlens.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.lineage.extract.FeedMapping;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.extract.ProfileFile;
import io.feedlens.lineage.model.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens lineage profile check|import|export}: a lineage profile as a file a team shares, and the copy saved
 * with a connection profile (which {@code --connection NAME} then uses).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Check a lineage profile file, or import/export the one saved with a connection profile.",
        subcommands = {LineageProfileCommand.Check.class, LineageProfileCommand.Import.class, LineageProfileCommand.Export.class})
final class LineageProfileCommand extends CommandGroup {

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Read a profile file and say what it maps.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return readThen(spec, file, profile -> summary(spec.commandLine().getOut(), profile));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Save a profile file with a saved connection profile.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONNECTION")
        String connection;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return readThen(spec, file, profile -> {
                ProfileStore store = new ProfileStore(DataFolder.path());
                ClusterProfile saved = savedConnection(store, connection);
                store.save(saved.name(), saved.withLineage(profile));
                spec.commandLine().getOut().println("Saved with '" + connection + "':");
                summary(spec.commandLine().getOut(), profile);
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the profile saved with a connection profile to a file.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONNECTION")
        String connection;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                ClusterProfile saved = savedConnection(new ProfileStore(DataFolder.path()), connection);
                if (saved.lineage() == null) {
                    throw new IllegalArgumentException("'" + connection + "' has no lineage profile saved; save one with"
                            + " feedlens lineage profile import " + connection + " FILE.");
                }
                saved.lineage().writeTo(file);
                spec.commandLine().getOut().println("Wrote the lineage profile of '" + connection + "' to " + file);
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
    }

    private interface ProfileWork {
        void run(LineageProfile profile) throws IOException;
    }

    private static int readThen(CommandSpec spec, Path file, ProfileWork work) {
        try {
            work.run(LineageProfile.readFrom(file));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    private static ClusterProfile savedConnection(ProfileStore store, String name) {
        return store.find(name).orElseThrow(() -> new IllegalArgumentException("No saved connection profile named '" + name
                + "' in " + store.folder() + " (the desktop app saves them; names: "
                + store.load().stream().map(ClusterProfile::name).collect(Collectors.joining(", ")) + ")."));
    }

    /** The topics per role, and every fact the profile reads somewhere other than the convention's place. */
    static void summary(PrintWriter out, LineageProfile profile) {
        for (Role role : Role.values()) {
            List<String> topics = profile.topics().stream().filter(t -> profile.roleOf(t).orElseThrow() == role).toList();
            out.println("  " + role.name().toLowerCase(java.util.Locale.ROOT) + " topics: " + (topics.isEmpty() ? "none" : String.join(", ", topics)));
        }
        List<String> mapped = new ArrayList<>();
        differences(ProfileFile.mapper().valueToTree(profile.facts()), ProfileFile.mapper().valueToTree(FeedMapping.CONVENTION), "",
                mapped);
        profile.valuePointers().forEach((view, pointer) -> mapped.add("value of " + view + " = " + pointer));
        out.println(mapped.isEmpty() ? "  every fact where the convention keeps it" : "  mapped: " + String.join("; ", mapped));
        if (!profile.ttls().isEmpty()) {
            out.println("  TTLs: " + profile.ttls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private static void differences(JsonNode given, JsonNode convention, String path, List<String> out) {
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = given.get(name);
            JsonNode usual = convention.path(name);
            if (value.isObject()) {
                differences(value, usual, path + name + ".", out);
            } else if (!value.equals(usual)) {
                out.add(path + name + " = " + (value.isTextual() ? value.asText() : value.toString()));
            }
        }
    }
}
