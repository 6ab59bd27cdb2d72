package io.feedlens.app.lineage;

import java.util.Collection;
import java.util.Map;

import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * How an index run gets its partitions: every partition of the profile's topics (one indexer), or the share a
 * consumer group gives this member (several indexers, one database: decision 12). Either way the index's stored
 * offsets say where reading starts; a group's committed offsets are never used.
 */
abstract class PartitionChoice {

    /** What the run does when its partitions change. Called on the consuming thread, inside {@code poll} for a group. */
    interface Owner {
        /** Now reading these, seeked; {@code standing} is where the index stood on each. */
        void assigned(Map<TopicPartition, Long> standing);

        /** About to be handed to another member: commit what was read of them first. */
        void revoked(Collection<TopicPartition> partitions);

        /** Already given to another member (this one was too slow to say goodbye): drop what was read, commit nothing. */
        void lost(Collection<TopicPartition> partitions);
    }

    final LineageStore store;
    final IndexSettings settings;

    private PartitionChoice(LineageStore store, IndexSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    static PartitionChoice of(LineageStore store, IndexSettings settings) {
        return settings.group() == null ? new Every(store, settings) : new GroupShare(store, settings);
    }

    /** Takes the partitions (at once, or from the first rebalance on) and tells {@code owner}. */
    abstract void take(Consumer<byte[], byte[]> consumer, Owner owner);

    /** Whether this run knows its partitions yet: a group member before its first assignment may not end as caught up. */
    abstract boolean settled();

    /** Every partition of the profile's topics, assigned. */
    private static final class Every extends PartitionChoice {

        Every(LineageStore store, IndexSettings settings) {
            super(store, settings);
        }

        @Override
        void take(Consumer<byte[], byte[]> consumer, Owner owner) {
            var partitions = IndexStart.partitionsOf(consumer, settings.profile().topics());
            consumer.assign(partitions);
            owner.assigned(IndexStart.seek(consumer, store, settings, partitions));
        }

        @Override
        boolean settled() {
            return true;
        }
    }

    /** The partitions the group gives this member, re-seeked from the index on every assignment. */
    private static final class GroupShare extends PartitionChoice {

        private volatile boolean settled;

        GroupShare(LineageStore store, IndexSettings settings) {
            super(store, settings);
        }

        @Override
        void take(Consumer<byte[], byte[]> consumer, Owner owner) {
            consumer.subscribe(settings.profile().topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    owner.revoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    owner.assigned(IndexStart.seek(consumer, store, settings, partitions));
                    settled = true;
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    owner.lost(partitions);
                }
            });
        }

        @Override
        boolean settled() {
            return settled;
        }
    }
}
