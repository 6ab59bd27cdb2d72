package io.feedlens.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.cluster.TopicReadiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates topics for a test and returns once every partition's leader answers, so the test may write at once. */
public final class ReadyTopics {

    private ReadyTopics() {
    }

    public static void create(Admin admin, List<NewTopic> topics) throws Exception {
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        TopicReadiness.awaitLeaders(admin, topics);
    }
}
