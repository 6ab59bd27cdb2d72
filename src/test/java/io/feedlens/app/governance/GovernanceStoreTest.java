package io.feedlens.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceStoreTest {

    @TempDir
    Path folder;

    @Test
    void aTeamsFileExportedOnOneMachineImportsOnAnother() throws Exception {
        GovernanceStore mine = new GovernanceStore(folder.resolve("mine"), "cluster-A");
        mine.update(g -> g.withTopic("payments", new TopicGovernance("payments-team", Classification.SENSITIVE, Duration.ofDays(7), "PCI"))
                .withRule(new MaskRule("payments", MaskRule.Part.VALUE, "$.card", MaskAction.MASK)));
        Path shared = folder.resolve("shared.json");
        mine.exportTo(shared);

        GovernanceStore theirs = new GovernanceStore(folder.resolve("theirs"), "cluster-A");
        theirs.update(g -> g.withTopic("payments", new TopicGovernance(null, null, null, "their note"))
                .withTopic("clicks", new TopicGovernance("web", Classification.ANALYTICS_ONLY, null, null)));
        ClusterGovernance merged = theirs.importFrom(shared, false);

        assertThat(merged.topic("payments")).isEqualTo(new TopicGovernance("payments-team", Classification.SENSITIVE, Duration.ofDays(7), "PCI"));
        assertThat(merged.topic("clicks").classification()).isEqualTo(Classification.ANALYTICS_ONLY);
        assertThat(merged.masking()).extracting(MaskRule::describe).containsExactly("payments  value  $.card  → mask");
        assertThat(theirs.importFrom(shared, true).topics()).containsOnlyKeys("payments");
        assertThat(Files.readString(shared)).contains("\"classification\" : \"sensitive\"", "\"action\" : \"mask\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(theirs.file()))).isEqualTo("rw-------");
    }

    @Test
    void setKeepsThePartsNotGiven() {
        GovernanceStore store = new GovernanceStore(folder, "c");
        store.update(g -> g.withTopic("t", new TopicGovernance("owner-1", Classification.FEEDS_ONLINE_DECISIONS, null, null)));
        ClusterGovernance changed = store.update(g -> g.withTopic("t", new TopicGovernance(null, null, Duration.ofHours(36), null)));
        assertThat(changed.topic("t")).isEqualTo(new TopicGovernance("owner-1", Classification.FEEDS_ONLINE_DECISIONS, Duration.ofHours(36), null));
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithTheReason() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.json"), "{\"topics\":{\"t\":{\"classification\":\"secret\"}}}");
        GovernanceStore store = new GovernanceStore(folder, "c");
        assertThatThrownBy(() -> store.importFrom(bad, false)).hasMessageContaining("bad.json is not a valid governance file")
                .hasMessageContaining("Unknown classification 'secret'");
        Path rule = Files.writeString(folder.resolve("rule.json"), "{\"masking\":[{\"topics\":\"t\",\"path\":\"card\",\"action\":\"mask\"}]}");
        assertThatThrownBy(() -> store.importFrom(rule, false)).hasMessageContaining("starting at $");
        assertThatThrownBy(() -> TopicGovernance.parseRetention("7 days")).hasMessageContaining("P7D");
        assertThat(store.load()).isEqualTo(ClusterGovernance.EMPTY);
    }
}
