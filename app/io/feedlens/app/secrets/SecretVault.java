package io.feedlens.app.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.feedlens.app.OwnerOnly;

/**
 * Secrets a person chose to store, encrypted with AES-256-GCM under a key derived (PBKDF2-HMAC-SHA256) from a
 * passphrase given at start. Only the derived key is held, and only in memory; the data folder keeps the salt, the
 * iteration count and a check value that tells a wrong passphrase from a right one (decision 0014).
 *
 * <p>An encrypted secret is written as {@code ${feedlens:v1.IV.CIPHERTEXT}} (base64url), Kafka's config-provider
 * syntax, so it sits in a property value exactly where an {@code ${env:…}} or {@code ${file:…}} reference would.
 */
public final class SecretVault {

    /** The config-provider alias of encrypted secrets. */
    public static final String PROVIDER = "feedlens";
    static final String FILE = "secret-key.properties";
    private static final String CHECK = "feedlens-passphrase-check";
    private static final int ITERATIONS = 600_000;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile SecretVault unlocked;

    private final SecretKey key;

    private SecretVault(SecretKey key) {
        this.key = key;
    }

    /**
     * Unlocks the vault of this data folder with the passphrase, creating it on first use; the passphrase array is
     * wiped. A wrong passphrase is refused in words. The vault stays unlocked for this process only.
     */
    public static SecretVault unlock(Path dataFolder, char[] passphrase) {
        try {
            if (passphrase == null || passphrase.length == 0) {
                throw new IllegalArgumentException("Give a passphrase to unlock the stored secrets.");
            }
            Path file = dataFolder.resolve(FILE);
            SecretVault vault = Files.exists(file) ? open(file, passphrase) : create(file, passphrase);
            unlocked = vault;
            return vault;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The vault unlocked in this process, or null while none is. */
    public static SecretVault current() {
        return unlocked;
    }

    /** Forgets the key, so encrypted secrets cannot be read until someone unlocks again. */
    public static void lock() {
        unlocked = null;
    }

    /** Whether a vault was ever set up in this data folder, so a start knows to ask for the passphrase. */
    public static boolean existsIn(Path dataFolder) {
        return Files.exists(dataFolder.resolve(FILE));
    }

    /** The secret as a reference that only this vault can read: {@code ${feedlens:v1.…}}. */
    public String encrypt(String secret) {
        return "${" + PROVIDER + ":" + seal(secret) + "}";
    }

    /** The plain secret of a sealed value (the part after {@code feedlens:}); refused when it was not sealed with this key. */
    public String decrypt(String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("This is not a FeedLens encrypted secret.");
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(parts[1])));
            return new String(cipher.doFinal(base64.decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A stored secret could not be decrypted with this passphrase.");
        }
    }

    private String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return "v1." + base64.encodeToString(iv) + "." + base64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot encrypt with AES-GCM: " + e.getMessage(), e);
        }
    }

    private static SecretVault create(Path file, char[] passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        SecretVault vault = new SecretVault(derive(passphrase, salt, ITERATIONS));
        Properties stored = new Properties();
        stored.setProperty("kdf", "PBKDF2WithHmacSHA256");
        stored.setProperty("iterations", String.valueOf(ITERATIONS));
        stored.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        stored.setProperty("check", vault.seal(CHECK));
        try {
            OwnerOnly.directories(file.getParent());
            OwnerOnly.writeProperties(file, stored, "FeedLens secret store: salt and passphrase check, no secret");
        } catch (IOException e) {
            throw new IllegalStateException("The secret store could not be created at " + file + ": " + e.getMessage(), e);
        }
        return vault;
    }

    private static SecretVault open(Path file, char[] passphrase) {
        Properties stored = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            stored.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("The secret store " + file + " could not be read: " + e.getMessage(), e);
        }
        byte[] salt = Base64.getDecoder().decode(stored.getProperty("salt", ""));
        int iterations = Integer.parseInt(stored.getProperty("iterations", String.valueOf(ITERATIONS)));
        SecretVault vault = new SecretVault(derive(passphrase, salt, iterations));
        try {
            if (!CHECK.equals(vault.decrypt(stored.getProperty("check", "")))) {
                throw new IllegalArgumentException("wrong check");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("That passphrase does not unlock the stored secrets.");
        }
        return vault;
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            SecretKey key = new SecretKeySpec(bytes, "AES");
            Arrays.fill(bytes, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot derive keys with PBKDF2: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
