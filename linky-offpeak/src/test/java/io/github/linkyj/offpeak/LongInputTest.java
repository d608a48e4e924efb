package io.github.linkyj.offpeak;

import static io.github.linkyj.offpeak.ParserFuzzProperties.checkOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs far longer than any real schedule, which must parse without a stack overflow. */
class LongInputTest {

  @Test
  void megabyteTextIsParsed() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 1_000_000) {
      text.append("1h-2h et ");
    }

    assertThat(OffPeakSchedule.parse(text).toString()).isEqualTo("01:00-02:00");
    checkOutcome(text + "x", OffPeakSchedule::parse);
  }

  @Test
  void megabyteNumberIsRejected() {
    String digits = "9".repeat(1_000_000);

    checkOutcome(digits + "h-2h", OffPeakSchedule::parse);
    checkOutcome("1h" + digits + "-2h", OffPeakSchedule::parse);
    checkOutcome(digits, OffPeakSchedule::parse);
    checkOutcome("HC (" + digits + ")", OffPeakSchedule::parseContract);
  }

  @Test
  void megabyteWordIsRejected() {
    String word = "e\u0301".repeat(500_000);

    checkOutcome(word, OffPeakSchedule::parse);
    checkOutcome("HC (1h-2h) " + word, OffPeakSchedule::parseContract);
  }
}
