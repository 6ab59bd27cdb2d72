package io.feedlens.app.topics;

import java.util.List;

/** Everything the detail pane shows about one topic: its partitions, its configs, and the groups that read it. */
public record TopicDetail(String name, boolean internal, List<PartitionDetail> partitions, List<TopicSetting> settings,
                          List<ReadingGroup> readingGroups) {

    public TopicDetail {
        partitions = List.copyOf(partitions);
        settings = List.copyOf(settings);
        readingGroups = List.copyOf(readingGroups);
    }
}
