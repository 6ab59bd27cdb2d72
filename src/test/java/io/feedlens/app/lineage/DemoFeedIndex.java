package io.feedlens.app.lineage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.admin.Admin;

/** Test helper: a seeded demo feed on fresh topics, and lineage indexes of it. */
public final class DemoFeedIndex {

    public final EmbeddedKafka broker;
    public final DemoTopics topics;
    public final LineageProfile profile;
    /** What {@link #write} wrote. */
    public GroundTruth truth;

    private DemoFeedIndex(EmbeddedKafka broker, DemoTopics topics) {
        this.broker = broker;
        this.topics = topics;
        this.profile = LineageProfile.demo(topics.prefix());
    }

    public static DemoFeedIndex generate(EmbeddedKafka broker, String name, int decisions, long seed) {
        DemoFeedIndex feed = topics(broker, name);
        feed.write(decisions, seed);
        return feed;
    }

    /** Fresh demo topics (3 partitions each), empty until {@link #write}: for indexers that must be running first. */
    static DemoFeedIndex topics(EmbeddedKafka broker, String name) {
        DemoTopics topics = new DemoTopics("t-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
            // As GeneratedFeedTest does: the second call waits out a freshly created topic's missing metadata.
            topics.ensureExist(admin);
        }
        return new DemoFeedIndex(broker, topics);
    }

    void write(int decisions, long seed) {
        FeedSpec spec = FeedSpec.endingBefore(Instant.now(), decisions, seed, topics);
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            truth = GeneratedFeed.generate(spec, producer);
        }
    }

    long recordsWritten() {
        return truth.recordsWritten().values().stream().mapToLong(Integer::longValue).sum();
    }

    LineageIndexer indexer(LineageStore store) {
        return new LineageIndexer(Map.of("bootstrap.servers", broker.bootstrapServers()), store,
                new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())));
    }

    IndexProgress index(LineageStore store, IndexSettings settings) {
        return indexer(store).run(settings, progress -> { });
    }

    /** Every row of every lineage table (parent links one by one), sorted as text: two indexes are equal when their dumps are. */
    static List<String> dump(Path file) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             Statement statement = connection.createStatement()) {
            for (String table : List.of("lineage_topic", "lineage_name", "model_view", "skipped_record", "index_offsets")) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int c = 1; c <= columns; c++) {
                            row.append('|').append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
            }
            // Records, parent links, used and lookup entries are stored in blocks per batch or runs: compared one by one,
            // whatever the batches and merges were.
            LineageStore.on(connection).read(q -> q.records()).forEach(record -> rows.add("record|" + record));
            LineageStore.on(connection).read(q -> q.parentLinks()).forEach(link -> rows.add("parent_link|" + link));
            LineageStore.on(connection).read(q -> q.usedEntries()).forEach(entry -> rows.add("used_entry|" + entry));
            LineageStore.on(connection).read(q -> q.lookupEntries()).forEach(entry -> rows.add("lookup|" + entry));
        }
        rows.sort(null);
        return rows;
    }
}
