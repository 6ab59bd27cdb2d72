package io.feedlens.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.feedlens.app.DataFolder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging is set up in code, as decision 0003 describes it: the data folder's log file, Kafka kept quiet. */
class LogbackSetupTest {

    @Test
    void feedLensLinesGoToTheDataFoldersLogAndKafkasInfoLinesDoNot() throws Exception {
        String ours = "ours-" + UUID.randomUUID();
        String kafkas = "kafkas-" + UUID.randomUUID();
        LoggerFactory.getLogger(LogbackSetupTest.class).info(ours);
        LoggerFactory.getLogger("org.apache.kafka.clients.admin.KafkaAdminClient").info(kafkas);

        String log = Files.readString(DataFolder.path().resolve("logs").resolve("feedlens.log"));
        assertThat(log).contains("INFO  [main] i.f.app.logging.LogbackSetupTest - " + ours).doesNotContain(kafkas);
    }

    @Test
    void theTerminalGetsWarningsOnlyAndTheLogRollsAtTenMegabytes() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var terminal = root.getAppender("STDERR");
        var file = (ch.qos.logback.core.rolling.RollingFileAppender<?>) root.getAppender("FILE");

        assertThat(terminal.getCopyOfAttachedFiltersList()).singleElement()
                .isInstanceOfSatisfying(ch.qos.logback.classic.filter.ThresholdFilter.class, filter -> assertThat(filter.isStarted()).isTrue());
        assertThat(Path.of(file.getFile())).isEqualTo(DataFolder.path().resolve("logs").resolve("feedlens.log"));
        assertThat(((ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy<?>) file.getTriggeringPolicy()).getMaxFileSize().getSize())
                .isEqualTo(10L * 1024 * 1024);
        assertThat(context.getLogger("org.apache.kafka.controller.QuorumController").getEffectiveLevel()).isEqualTo(Level.ERROR);
    }
}
