package io.github.linkyj.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.audit.LogRecorder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks that the audit records DEBUG calls that Logback's INFO level does not print. */
class LogbackTapTest {

  @Test
  void debugCallRecordedAtInfoLevel() {
    Logger logger = LoggerFactory.getLogger("io.github.linkyj.examples.audit.Probe");

    logger.debug("probe {} of {}", 1, "two", new IllegalStateException("cause"));

    assertThat(logger.isDebugEnabled()).isFalse();
    assertThat(LogRecorder.drain())
        .containsExactly(
            "DEBUG io.github.linkyj.examples.audit.Probe: probe 1 of two"
                + " | java.lang.IllegalStateException: cause");
  }

  @Test
  void otherLoggersAreNotRecorded() {
    LoggerFactory.getLogger("okhttp3.Probe").warn("outside the project");

    assertThat(LogRecorder.drain()).isEmpty();
  }
}
