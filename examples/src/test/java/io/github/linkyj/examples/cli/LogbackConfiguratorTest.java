package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogbackConfiguratorTest {
  @Test
  void serviceLoaderFindsConfigurator() {
    assertThat(ServiceLoader.load(Configurator.class))
        .anyMatch(configurator -> configurator instanceof LogbackConfigurator);
  }

  @Test
  void configuresLevelsAndStandardError() {
    LoggerContext context = new LoggerContext();

    Configurator.ExecutionStatus status = new LogbackConfigurator().configure(context);

    assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.github.linkyj").getLevel()).isEqualTo(Level.INFO);
    Appender<ILoggingEvent> appender = root.getAppender("STDERR");
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    assertThat(appender.isStarted()).isTrue();
    assertThat(((ConsoleAppender<ILoggingEvent>) appender).getTarget()).isEqualTo("System.err");
  }

  @Test
  void linesHaveTimeLevelAndLogger() {
    LoggerContext context = new LoggerContext();
    new LogbackConfigurator().configure(context);
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    Logger logger = context.getLogger("io.github.linkyj.domoticz.LinkySync");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "Processing usage point {}",
            null,
            new Object[] {"22516914714270"});

    String line =
        new String(
            ((PatternLayoutEncoder) appender.getEncoder()).encode(event), StandardCharsets.UTF_8);

    assertThat(line)
        .matches("\\d\\d:\\d\\d:\\d\\d INFO  LinkySync: Processing usage point 22516914714270\\R");
  }

  @Test
  void configurationFilePropertyTakesPrecedence() {
    LoggerContext context = new LoggerContext();
    String previous = System.getProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY);
    System.setProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY, "custom-logback.xml");
    try {
      Configurator.ExecutionStatus status = new LogbackConfigurator().configure(context);

      assertThat(status).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    } finally {
      if (previous == null) {
        System.clearProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY);
      } else {
        System.setProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY, previous);
      }
    }
  }
}
