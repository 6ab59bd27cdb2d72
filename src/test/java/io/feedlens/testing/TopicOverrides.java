package io.feedlens.testing;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Sets a topic config and waits until the broker describes it: in KRaft the alter call returns once the controller
 * has it, and the broker that answers describeConfigs learns of it a moment later.
 */
public final class TopicOverrides {

    private TopicOverrides() {
    }

    public static void set(Admin admin, String topic, String name, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)))).all().get();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!value.equals(admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + "=" + value + " not seen on " + topic + " within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
