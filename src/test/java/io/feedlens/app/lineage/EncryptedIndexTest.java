package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.report.ProducedFeed;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.LineageStoreException;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage index with H2's AES cipher: no indexed id readable in the file's bytes, and a wrong password said plainly. */
@KafkaBroker
class EncryptedIndexTest {

    private static final char[] PASSWORD = "correct-horse-battery".toCharArray();

    @TempDir
    Path folder;

    @Test
    void anEncryptedIndexHoldsNoIndexedIdInPlainTextWhereAPlainOneDoes(EmbeddedKafka broker) throws Exception {
        ProducedFeed feed = ProducedFeed.generate(broker, "encrypted", 20, 31L);
        String decisionId = feed.truth.decisions().get(0).id();
        Path plain = folder.resolve("plain").resolve("index");
        Path encrypted = folder.resolve("encrypted").resolve("index");
        indexInto(feed, LineageStore.open(plain));
        indexInto(feed, LineageStore.open(encrypted, PASSWORD));

        byte[] id = decisionId.getBytes(StandardCharsets.UTF_8);
        assertThat(contains(Files.readAllBytes(file(plain)), id)).as("a plain index shows its ids").isTrue();
        assertThat(contains(Files.readAllBytes(file(encrypted)), id)).as("an encrypted index does not").isFalse();
        try (LineageStore reopened = LineageStore.open(encrypted, PASSWORD)) {
            java.util.List<String> found = reopened.read(q -> q.decisionIdsStartingWith(decisionId, 1));
            assertThat(found).as("readable again with its password").containsExactly(decisionId);
        }
    }

    @Test
    void aWrongOrMissingPasswordIsSaidInWords(EmbeddedKafka broker) {
        Path encrypted = folder.resolve("index");
        LineageStore.open(encrypted, PASSWORD).close();

        assertThatThrownBy(() -> LineageStore.open(encrypted, "wrong-password".toCharArray()))
                .isInstanceOf(LineageStoreException.class).hasMessageContaining("the password is wrong");
        assertThatThrownBy(() -> LineageStore.open(encrypted))
                .isInstanceOf(LineageStoreException.class).hasMessageContaining("it is encrypted; give its password");
        assertThatThrownBy(() -> IndexPassword.fromEnvironment(Map.of(), "MY_INDEX_PASSWORD"))
                .hasMessageContaining("MY_INDEX_PASSWORD").hasMessageContaining("not set");
        assertThat(IndexPassword.fromEnvironment(Map.of(IndexPassword.DEFAULT_VARIABLE, "s3cret"), null)).containsExactly("s3cret".toCharArray());
        assertThat(IndexPassword.fromEnvironment(Map.of(), null)).isNull();
    }

    private static void indexInto(ProducedFeed feed, LineageStore store) {
        try (store) {
            feed.index(store);
        }
    }

    private static Path file(Path index) {
        return index.resolveSibling(index.getFileName() + ".mv.db");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
