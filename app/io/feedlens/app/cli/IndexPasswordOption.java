package io.feedlens.app.cli;

import io.feedlens.app.lineage.IndexPassword;
import picocli.CommandLine.Option;

/** {@code --index-password-env NAME}: the environment variable holding the lineage index's password. */
public final class IndexPasswordOption {

    @Option(names = "--index-password-env", paramLabel = "NAME",
            description = "Environment variable holding the password of an encrypted lineage index (default: FEEDLENS_INDEX_PASSWORD when set). "
                    + "A new index made with a password is encrypted (AES).")
    String variable;

    char[] password() {
        return IndexPassword.fromEnvironment(System.getenv(), variable);
    }
}
