package io.github.linkyj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStampsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Paris", "America/St_Johns", "Australia/Lord_Howe", "UTC"})
  void resolveMatchesZonedDateTime(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    LocalStamps stamps = new LocalStamps(zone);
    Set<Instant> seen = new HashSet<>();

    LocalDateTime local = LocalDateTime.of(2024, 1, 1, 0, 0);
    LocalDateTime end = LocalDateTime.of(2027, 1, 1, 0, 0);
    for (; local.isBefore(end); local = local.plusMinutes(10)) {
      ZonedDateTime resolved = stamps.resolve(local, seen);

      assertThat(resolved).isEqualTo(reference(local, zone, seen));
      seen.add(resolved.toInstant());
    }
  }

  @Test
  void repeatedHourTakesLaterOffset() {
    LocalStamps stamps = new LocalStamps(PARIS);
    Set<Instant> seen = new HashSet<>();
    LocalDateTime repeated = LocalDateTime.of(2026, 10, 25, 2, 30);

    ZonedDateTime first = stamps.resolve(repeated, seen);
    seen.add(first.toInstant());
    ZonedDateTime second = stamps.resolve(repeated, seen);

    assertThat(first).hasToString("2026-10-25T02:30+02:00[Europe/Paris]");
    assertThat(second).hasToString("2026-10-25T02:30+01:00[Europe/Paris]");
  }

  @Test
  void stampInSpringGapMovesForward() {
    LocalStamps stamps = new LocalStamps(PARIS);

    ZonedDateTime resolved = stamps.resolve(LocalDateTime.of(2026, 3, 29, 2, 0), Set.of());

    assertThat(resolved).hasToString("2026-03-29T03:00+02:00[Europe/Paris]");
  }

  @Test
  void parseNaiveMatchesLocalDateTimeParse() {
    List<String> texts =
        List.of(
            "2020-12-02 00:30:00",
            "2020-12-02T00:30:00",
            "2024-02-29 23:59:59",
            "0001-01-01 00:00:00",
            "9999-12-31T23:00:00");

    for (String text : texts) {
      assertThat(LocalStamps.parseNaive(text))
          .isEqualTo(LocalDateTime.parse(text.replace(' ', 'T')));
    }
  }

  @Test
  void parseNaiveRejectsInvalidFields() {
    List<String> texts =
        List.of(
            "2020-13-02 00:30:00",
            "2021-02-29 00:30:00",
            "2020-12-02 24:00:00",
            "2020-12-02 00:60:00",
            "2020-12-02 00:30:60");

    for (String text : texts) {
      assertThatThrownBy(() -> LocalStamps.parseNaive(text)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> LocalDateTime.parse(text.replace(' ', 'T')))
          .isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void parseNaiveLeavesOtherFormsToCaller() {
    List<String> texts =
        List.of(
            "2020-12-02 00:30",
            "2020-12-02T00:30:00+01:00",
            "2020-12-02T00:30:00Z",
            "2020-12-02 00:30:00.5",
            "2020/12/02 00:30:00",
            "2020-12-02x00:30:00",
            "+2020-12-02 00:30:0",
            "");

    for (String text : texts) {
      assertThat(LocalStamps.parseNaive(text)).as(text).isNull();
    }
  }

  @Test
  void firstDayOffsetIsReused() {
    LocalStamps stamps = new LocalStamps(PARIS);
    LocalDate day = LocalDate.of(2026, 10, 24);

    ZonedDateTime morning = stamps.resolve(day.atTime(6, 0), Set.of());
    ZonedDateTime evening = stamps.resolve(day.atTime(23, 30), Set.of());

    assertThat(morning.getOffset()).isEqualTo(evening.getOffset());
    assertThat(evening).hasToString("2026-10-24T23:30+02:00[Europe/Paris]");
  }

  /** Resolves a stamp the way the parser did before the per-date offsets. */
  private static ZonedDateTime reference(LocalDateTime local, ZoneId zone, Set<Instant> seen) {
    ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, null);
    ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
    return seen.contains(earlier.toInstant()) ? later : earlier;
  }
}
