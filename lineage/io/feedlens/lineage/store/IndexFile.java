package io.feedlens.lineage.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.api.ErrorCode;

/**
 * How the index's H2 file is reached: its JDBC address with the store's options, the passwords H2 wants for an
 * encrypted file, and H2's refusals to open it said in words a user can act on.
 */
final class IndexFile {

    private final Path file;
    private final String url;
    private final String passwords;
    private final boolean encrypted;

    /**
     * {@code password} null: not encrypted. H2 takes "file password, space, user password": the one password serves as
     * both, so it may hold no space.
     */
    IndexFile(Path file, String options, char[] password) {
        this.file = file;
        this.encrypted = password != null;
        // H2 keeps 8 parsed statements per session by default; a batch prepares about a dozen different ones, so each
        // was parsed again in every batch (3 % of the writer).
        this.url = "jdbc:h2:file:" + file.toAbsolutePath() + options + ";QUERY_CACHE_SIZE=64" + (encrypted ? ";CIPHER=AES" : "");
        this.passwords = encrypted ? h2Passwords(password) : "";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", passwords);
    }

    /** Why the file did not open: a wrong or missing password in those words, anything else as H2 said it. */
    LineageStoreException cannotOpen(SQLException e) {
        if (wrongPassword(e)) {
            return new LineageStoreException("Cannot open the lineage index " + file + ": " + (encrypted
                    ? "the password is wrong, or the index is not encrypted"
                    : "it is encrypted; give its password (--index-password-env NAME, or FEEDLENS_INDEX_PASSWORD)"), e);
        }
        return new LineageStoreException("Cannot open the lineage index " + file + ": " + e.getMessage(), e);
    }

    /**
     * Runs {@code opening} again, a second apart and ten times at most, while it fails as it does when another process
     * opens the same shared file at the same moment: H2 refuses a lock file the other is just taking ("lock file
     * recently modified"), and two first openings of a new file both bring its schema up to date, one finding the
     * other's half-made tables. The second attempt finds the file served and the schema current.
     */
    static <T> T whileOthersOpen(java.util.function.Supplier<T> opening) {
        for (int attempt = 1; ; attempt++) {
            try {
                return opening.get();
            } catch (LineageStoreException e) {
                if (attempt == 10 || !(e.getCause() instanceof SQLException cause) || !openedAtOnce(cause)) {
                    throw e;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean openedAtOnce(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.ERROR_OPENING_DATABASE_1 || code == ErrorCode.DATABASE_ALREADY_OPEN_1
                || code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1 || code == ErrorCode.DUPLICATE_KEY_1
                || code == ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1 || code == ErrorCode.CONNECTION_BROKEN_1;
    }

    private static String h2Passwords(char[] password) {
        String text = new String(password);
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An index password must not be empty or hold spaces (H2 separates its two passwords with one)");
        }
        return text + " " + text;
    }

    /** H2's answers to a wrong or missing file password: a wrong password, an encryption error, or an unreadable file. */
    private static boolean wrongPassword(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.WRONG_USER_OR_PASSWORD || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
                || code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.WRONG_PASSWORD_FORMAT;
    }
}
