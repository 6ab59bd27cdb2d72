package io.feedlens.views.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.SecuredBroker;
import io.feedlens.testing.SecuredKafka;
import org.junit.jupiter.api.Test;

/** The Access tab's logic without a window: work runs on the calling thread. */
@SecuredKafka
@KafkaBroker
class TopicAccessViewModelTest {

    @Test
    void aTopicShowsWhoCanReadAndWriteAndTheAclsThatSaySo(SecuredBroker secured) {
        ClusterSession session = ClusterSession.connect(ClusterProfile.of("secured", secured.superUserBootstrap())).join().session();
        try (session) {
            TopicAccessViewModel model = new TopicAccessViewModel(() -> session, Runnable::run);
            model.topicProperty().set("open.invoices");
            model.refresh().join();

            assertThat(model.messageProperty().get()).isEmpty();
            assertThat(model.readersProperty().get()).isEqualTo("Read:  " + SecuredBroker.TLS_PRINCIPAL + ", User:alice");
            assertThat(model.writersProperty().get()).isEqualTo("Write: nobody but super users");
            assertThat(model.acls()).extracting(acl -> acl.principal() + " " + acl.operation())
                    .contains("User:alice READ", "User:alice DESCRIBE").noneMatch(text -> text.contains("CLUSTER"));
        }
    }

    @Test
    void aClusterWithoutAnAuthorizerSaysSoInWords(EmbeddedKafka plain) {
        ClusterSession session = ClusterSession.connect(ClusterProfile.of("plain", plain.bootstrapServers())).join().session();
        try (session) {
            TopicAccessViewModel model = new TopicAccessViewModel(() -> session, Runnable::run);
            model.topicProperty().set("anything");
            model.refresh().join();

            assertThat(model.messageProperty().get()).isEqualTo("This cluster has no authorizer: every client may do everything.");
            assertThat(model.readersProperty().get()).isEmpty();
            assertThat(model.acls()).isEmpty();
        }
    }

    @Test
    void withoutAConnectionItSaysToConnect() {
        TopicAccessViewModel model = new TopicAccessViewModel(() -> null, Runnable::run);
        model.topicProperty().set("orders");
        assertThat(model.messageProperty().get()).isEqualTo("Connect to a cluster first.");
    }
}
