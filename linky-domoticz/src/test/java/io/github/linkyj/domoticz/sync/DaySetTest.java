package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySetTest {
  private static LocalDate d(int day) {
    return LocalDate.of(2026, 1, day);
  }

  private static DateRange r(int start, int end) {
    return DateRange.of(d(start), d(end));
  }

  @Test
  void adjacentDaysMergeIntoOneRange() {
    DaySet set = DaySet.empty().plus(d(3)).plus(d(5)).plus(d(4)).plus(d(1));

    assertThat(set.ranges()).containsExactly(r(1, 2), r(3, 6));
    assertThat(set.toStrings()).containsExactly("2026-01-01/2026-01-02", "2026-01-03/2026-01-06");
  }

  @Test
  void overlappingRangesMerge() {
    DaySet set = DaySet.of(List.of(r(10, 15), r(1, 4), r(3, 11), r(20, 21)));

    assertThat(set.ranges()).containsExactly(r(1, 15), r(20, 21));
  }

  @Test
  void minusSplitsARange() {
    DaySet set = DaySet.of(List.of(r(1, 11))).minus(r(4, 6)).minus(d(10));

    assertThat(set.ranges()).containsExactly(r(1, 4), r(6, 10));
    assertThat(set.contains(d(3))).isTrue();
    assertThat(set.contains(d(4))).isFalse();
    assertThat(set.contains(d(10))).isFalse();
  }

  @Test
  void missingInWindow() {
    DaySet set = DaySet.of(List.of(r(3, 5), r(8, 9), r(12, 20)));

    assertThat(set.missingIn(r(1, 15))).containsExactly(r(1, 3), r(5, 8), r(9, 12));
    assertThat(set.missingIn(r(4, 9))).containsExactly(r(5, 8));
    assertThat(set.missingIn(r(13, 16))).isEmpty();
    assertThat(DaySet.empty().missingIn(r(1, 3))).containsExactly(r(1, 3));
  }

  @Test
  void textFormRoundTrips() {
    DaySet set = DaySet.of(List.of(r(1, 3), r(7, 8)));

    assertThat(DaySet.parse(set.toStrings())).isEqualTo(set);
  }

  @Test
  void invalidTextIsRejected() {
    assertThatThrownBy(() -> DaySet.parse(List.of("2026-01-05/2026-01-05")))
        .hasMessage(
            "Invalid day range '2026-01-05/2026-01-05': expected YYYY-MM-DD/YYYY-MM-DD, end"
                + " exclusive");
    assertThatThrownBy(() -> DaySet.parse(List.of("2026-01-05")))
        .hasMessage(
            "Invalid day range '2026-01-05': expected YYYY-MM-DD/YYYY-MM-DD, end exclusive");
  }

  @Test
  void chunksNewestFirst() {
    assertThat(r(1, 20).chunksNewestFirst(7)).containsExactly(r(13, 20), r(6, 13), r(1, 6));
    assertThatThrownBy(() -> DateRange.of(d(2), d(2)))
        .hasMessage("Invalid date range: end 2026-01-02 must be after start 2026-01-02");
  }
}
