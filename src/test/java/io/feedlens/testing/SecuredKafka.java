package io.feedlens.testing;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link SecuredBroker} parameter: a second in-process broker, apart from the shared one so no other
 * test meets its authorizer, started once per run and only by the tests that ask for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SecuredKafka.Extension.class)
public @interface SecuredKafka {

    final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecuredKafka.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SecuredBroker.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent("secured", key -> new Running(), Running.class).secured;
        }
    }

    final class Running implements ExtensionContext.Store.CloseableResource {
        final SecuredBroker secured;

        Running() {
            try {
                Path folder = Files.createTempDirectory("feedlens-secured-broker");
                TestCertificate certificate = TestCertificate.create(folder, "feedlens-test");
                int sasl = freePort();
                int ssl = freePortOtherThan(sasl);
                EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("broker"), config -> secure(config, sasl, ssl, certificate));
                secured = new SecuredBroker(broker, "127.0.0.1:" + sasl, "127.0.0.1:" + ssl, certificate);
                addUsersAndAcls(broker.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("The secured test broker did not start: " + e.getMessage(), e);
            }
        }

        private static void secure(Properties config, int sasl, int ssl, TestCertificate certificate) {
            config.put("listeners", config.getProperty("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + sasl + ",SSL://127.0.0.1:" + ssl);
            config.put("advertised.listeners", config.getProperty("advertised.listeners")
                    + ",SASL_PLAINTEXT://127.0.0.1:" + sasl + ",SSL://127.0.0.1:" + ssl);
            config.put("listener.security.protocol.map", config.getProperty("listener.security.protocol.map")
                    + ",SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL");
            config.put("sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512,PLAIN");
            String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
            config.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config", scram);
            config.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", scram);
            config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule "
                    + "required user_" + SecuredBroker.USER + "=\"" + SecuredBroker.PASSWORD + "\";");
            config.put("listener.name.ssl.ssl.keystore.location", certificate.keystore().toString());
            config.put("listener.name.ssl.ssl.keystore.password", certificate.password());
            config.put("listener.name.ssl.ssl.key.password", certificate.password());
            config.put("listener.name.ssl.ssl.truststore.location", certificate.truststore().toString());
            config.put("listener.name.ssl.ssl.truststore.password", certificate.password());
            config.put("listener.name.ssl.ssl.client.auth", "required");
            config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The PLAINTEXT and controller listeners carry no identity: they are the set-up's super user.
            config.put("super.users", "User:ANONYMOUS");
        }

        private static void addUsersAndAcls(String superUser) throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", superUser))) {
                // One request per mechanism: a user may not appear twice in one request.
                for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
                    admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SecuredBroker.USER,
                            new ScramCredentialInfo(mechanism, 4096), SecuredBroker.PASSWORD))).all().get(30, TimeUnit.SECONDS);
                }
                String alice = "User:" + SecuredBroker.USER;
                admin.createAcls(List.of(
                        allow(alice, ResourceType.TOPIC, SecuredBroker.READABLE_PREFIX, AclOperation.READ),
                        allow(alice, ResourceType.TOPIC, SecuredBroker.READABLE_PREFIX, AclOperation.DESCRIBE),
                        allow(alice, ResourceType.TOPIC, SecuredBroker.CLOSED_PREFIX, AclOperation.DESCRIBE),
                        allow(SecuredBroker.TLS_PRINCIPAL, ResourceType.TOPIC, SecuredBroker.READABLE_PREFIX, AclOperation.READ),
                        allow(SecuredBroker.TLS_PRINCIPAL, ResourceType.TOPIC, SecuredBroker.READABLE_PREFIX, AclOperation.DESCRIBE),
                        allow(alice, ResourceType.CLUSTER, "kafka-cluster", AclOperation.DESCRIBE)))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }

        private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
            PatternType pattern = type == ResourceType.CLUSTER ? PatternType.LITERAL : PatternType.PREFIXED;
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
        }

        private static int freePortOtherThan(int taken) throws IOException {
            int port = freePort();
            while (port == taken) {
                port = freePort();
            }
            return port;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() {
            secured.broker().close();
        }
    }
}
