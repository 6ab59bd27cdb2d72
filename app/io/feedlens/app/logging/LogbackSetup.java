package io.feedlens.app.logging;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import io.feedlens.app.DataFolder;
import org.slf4j.Logger;

/**
 * FeedLens's logging (decision 0003), set up in code rather than from a {@code logback.xml}: reading XML loads
 * Logback's configuration language, a SAX parser and their reflection, ~70 ms more of every launch (0.22 s against
 * 0.15 s on the shared machine), the desktop's included. Found by Logback through {@code META-INF/services}. A
 * {@code -Dlogback.configurationFile=…} still wins, for anyone who needs other loggers or levels.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    /** Kafka's own loggers are chatty: a broker start alone writes thousands of INFO lines. */
    static final Map<String, Level> QUIETER = Map.of(
            "org.apache.kafka", Level.WARN,
            "kafka", Level.WARN,
            "state.change.logger", Level.WARN,
            "org.apache.avro", Level.WARN,
            "org.apache.kafka.clients.NetworkClient", Level.ERROR,
            // Says "Performing controller activation" as a warning on every start of the embedded broker.
            "org.apache.kafka.controller.QuorumController", Level.ERROR,
            // Warns about partitions a scan has just finished with and let go of: expected, not a problem.
            "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String folder = System.getProperty(DataFolder.PROPERTY, System.getProperty("user.home") + "/.local/share/feedlens") + "/logs";
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file(context, folder));
        root.addAppender(terminal(context));
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code <data folder>/logs/feedlens.log}, rolled at 10 MB, three old files kept. */
    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String folder) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder + "/feedlens.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder + "/feedlens.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf("10MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        rolling.start();
        size.start();
        return started(file, context, "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    }

    /** Warnings only, on stderr, so headless commands keep stdout for their answers. */
    private static ConsoleAppender<ILoggingEvent> terminal(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
        terminal.setContext(context);
        terminal.setName("STDERR");
        terminal.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        terminal.addFilter(warnings);
        return started(terminal, context, "%-5level %logger{20} - %msg%n");
    }

    private static <A extends OutputStreamAppender<ILoggingEvent>> A started(A appender, LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
