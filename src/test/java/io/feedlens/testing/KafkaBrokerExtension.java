package io.feedlens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.feedlens.app.broker.EmbeddedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts FeedLens's own embedded broker once per test run and stops it when the run ends.
 * Sharing is safe because every test creates topics and groups with names of its own.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sharedBroker(context);
    }

    /** The run's broker, started on first use. */
    public static EmbeddedKafka sharedBroker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new RunningBroker(), RunningBroker.class)
                .broker;
    }

    private static final class RunningBroker implements ExtensionContext.Store.CloseableResource {
        final EmbeddedKafka broker;

        RunningBroker() {
            try {
                Path folder = Files.createTempDirectory("feedlens-test-broker");
                broker = EmbeddedKafka.start(folder);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
