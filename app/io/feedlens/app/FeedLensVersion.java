package io.feedlens.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development" when running from classes. */
public final class FeedLensVersion implements IVersionProvider {

    public static String current() {
        String version = FeedLensVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"FeedLens " + current()};
    }
}
