package io.github.linkyj.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the naive local stamps of a metering response and places them on the time line of a zone.
 *
 * <p>Resolving a local date-time with {@link ZonedDateTime#ofLocal} searches the zone's transitions
 * each time. Most dates of a load curve have one offset all day, so the offset of such a date is
 * found once and reused for its points. An instance is not thread-safe.
 */
final class LocalStamps {
  private static final String NAIVE_STAMP = "0000-00-00T00:00:00";

  private final ZoneId zone;
  private final ZoneRules rules;

  /** The offset of each date seen, or empty for a date that a clock change reaches. */
  private final Map<LocalDate, Optional<ZoneOffset>> dayOffsets = new HashMap<>();

  LocalStamps(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /**
   * Returns the date-time of a text of the form {@code yyyy-MM-dd HH:mm:ss} or {@code
   * yyyy-MM-ddTHH:mm:ss}, or null when the text has another form.
   *
   * @throws java.time.DateTimeException if a field is out of range, such as month 13
   */
  static LocalDateTime parseNaive(String text) {
    if (text.length() != NAIVE_STAMP.length()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char expected = NAIVE_STAMP.charAt(i);
      char c = text.charAt(i);
      boolean matches =
          expected == '0' ? c >= '0' && c <= '9' : c == expected || (expected == 'T' && c == ' ');
      if (!matches) {
        return null;
      }
    }
    return LocalDateTime.of(
        digits(text, 0, 4),
        digits(text, 5, 7),
        digits(text, 8, 10),
        digits(text, 11, 13),
        digits(text, 14, 16),
        digits(text, 17, 19));
  }

  /** Returns the number written with the ASCII digits of {@code text} from start to end. */
  static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /**
   * Places a local date-time in the zone. In the autumn overlap the stamp takes the earlier
   * (summer) offset unless {@code seen} already contains that instant, and then the later one. A
   * stamp in the spring gap moves forward by the length of the gap.
   */
  ZonedDateTime resolve(LocalDateTime local, Set<Instant> seen) {
    Optional<ZoneOffset> dayOffset =
        dayOffsets.computeIfAbsent(local.toLocalDate(), this::offsetAllDay);
    if (dayOffset.isPresent()) {
      return ZonedDateTime.ofInstant(local, dayOffset.get(), zone);
    }
    ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, null);
    ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
    return seen.contains(earlier.toInstant()) ? later : earlier;
  }

  /**
   * Returns the offset of every local time of {@code date} when it is the only valid one all day:
   * midnight has one valid offset and the next transition's gap or overlap starts on a later date.
   */
  private Optional<ZoneOffset> offsetAllDay(LocalDate date) {
    LocalDateTime midnight = date.atStartOfDay();
    List<ZoneOffset> offsets = rules.getValidOffsets(midnight);
    if (offsets.size() != 1) {
      return Optional.empty();
    }
    ZoneOffset offset = offsets.get(0);
    ZoneOffsetTransition next = rules.nextTransition(midnight.toInstant(offset));
    LocalDateTime nextMidnight = midnight.plusDays(1);
    boolean changesToday =
        next != null
            && (next.getDateTimeBefore().isBefore(nextMidnight)
                || next.getDateTimeAfter().isBefore(nextMidnight));
    return changesToday ? Optional.empty() : Optional.of(offset);
  }
}
