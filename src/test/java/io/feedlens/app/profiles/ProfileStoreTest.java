package io.feedlens.app.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.lineage.extract.EventFacts;
import io.feedlens.lineage.extract.FactSource;
import io.feedlens.lineage.extract.FeedMapping;
import io.feedlens.lineage.extract.LineageProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path folder;

    @Test
    void savedProfilesSurviveANewStoreOnTheSameFolder() {
        ClusterProfile staging = new ClusterProfile("staging", "kafka-1:9092", Map.of("security.protocol", "SASL_SSL"));
        new ProfileStore(folder).save(null, staging);

        assertThat(new ProfileStore(folder).load()).containsExactly(staging);
    }

    @Test
    void renamingReplacesTheProfileInPlace() {
        ProfileStore store = new ProfileStore(folder);
        store.save(null, ClusterProfile.of("a", "h:1"));
        store.save(null, ClusterProfile.of("b", "h:2"));

        store.save("a", ClusterProfile.of("a2", "h:1"));

        assertThat(store.load()).extracting(ClusterProfile::name).containsExactly("a2", "b");
    }

    @Test
    void aNameThatIsTakenIsRefused() {
        ProfileStore store = new ProfileStore(folder);
        store.save(null, ClusterProfile.of("a", "h:1"));
        store.save(null, ClusterProfile.of("b", "h:2"));

        assertThatThrownBy(() -> store.save("b", ClusterProfile.of("a", "h:3")))
                .hasMessageContaining("exists already");
        assertThat(store.load()).extracting(ClusterProfile::bootstrapServers).containsExactly("h:1", "h:2");
    }

    @Test
    void removedProfilesAreGoneAfterReload() {
        ProfileStore store = new ProfileStore(folder);
        store.save(null, ClusterProfile.of("a", "h:1"));
        store.remove("a");
        assertThat(new ProfileStore(folder).load()).isEmpty();
    }

    @Test
    void theProfileFileIsReadableByItsOwnerOnly() throws Exception {
        new ProfileStore(folder).save(null, ClusterProfile.of("a", "h:1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("profiles.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aCorruptFileGivesAMessageNamingIt() throws Exception {
        Files.writeString(folder.resolve("profiles.json"), "{not json");
        assertThatThrownBy(() -> new ProfileStore(folder).load())
                .hasMessageContaining("profiles.json")
                .hasMessageContaining("could not be read");
    }
    @Test
    void aProfileSavedBeforeWritableExistedReadsAsReadOnly() throws Exception {
        Files.writeString(folder.resolve("profiles.json"),
                "[{\"name\":\"old\",\"bootstrapServers\":\"h:1\",\"properties\":{}}]");
        assertThat(new ProfileStore(folder).load()).singleElement()
                .satisfies(profile -> assertThat(profile.writable()).isFalse());
    }

    @Test
    void aWritableConnectionStaysWritableAfterReload() {
        new ProfileStore(folder).save(null, ClusterProfile.of("prod", "h:1").withWritable(true));
        assertThat(new ProfileStore(folder).find("prod")).get().extracting(ClusterProfile::writable).isEqualTo(true);
    }

    @Test
    void theLineageProfileIsSavedWithItsConnectionAndOlderProfilesHaveNone() throws Exception {
        LineageProfile lineage = LineageProfile.roles(List.of("orders"), List.of("features"), List.of("scores"))
                .withFacts(new FeedMapping(new EventFacts(FactSource.of("header:x-event-id"), null, FactSource.of("/customer"), null),
                        null, null))
                .withTtl("basket_total", Duration.ofMinutes(15));
        new ProfileStore(folder).save(null, ClusterProfile.of("shop", "h:1").withLineage(lineage));
        new ProfileStore(folder).save(null, ClusterProfile.of("plain", "h:2"));

        assertThat(new ProfileStore(folder).find("shop")).get().extracting(ClusterProfile::lineage).isEqualTo(lineage);
        assertThat(new ProfileStore(folder).find("plain")).get().extracting(ClusterProfile::lineage).isNull();
        assertThat(Files.readString(folder.resolve("profiles.json"))).contains("\"header:x-event-id\"").contains("\"PT15M\"");
    }
}
