package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Domoticz release number such as {@code 2025.1}, read from the {@code version} text that {@code
 * getversion} returns ({@code "2025.1 (build 16785)"}).
 *
 * <p>Ordering follows the release order: year first, then the release within the year. Versions
 * before 2020 used numbers such as {@code 4.10717}, which sort before every 2020 release. This
 * class is immutable and thread-safe.
 */
public final class DomoticzVersion implements Comparable<DomoticzVersion> {
  private static final Pattern VERSION =
      Pattern.compile("(\\d+)\\.(\\d+)(?:\\s*\\(build (\\d+)\\))?.*");

  /** The first release with history insertion on P1 meters ({@code AddDBLogEntry}). */
  static final DomoticzVersion FIRST_WITH_HISTORY = of(2020, 1);

  /** The last release that still used the {@code type=devices}-style names. */
  static final DomoticzVersion LAST_LEGACY_STYLE = of(2023, 1);

  /** The release whose history insertion writes the dated value into the dashboard value. */
  static final DomoticzVersion BROKEN_HISTORY = of(2023, 2);

  private final int major;
  private final int minor;
  private final int build;

  private DomoticzVersion(int major, int minor, int build) {
    this.major = major;
    this.minor = minor;
    this.build = build;
  }

  /** Returns the version {@code major.minor} without a build number. */
  public static DomoticzVersion of(int major, int minor) {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException(
          "Invalid Domoticz version " + major + "." + minor + ": numbers must not be negative");
    }
    return new DomoticzVersion(major, minor, 0);
  }

  /**
   * Parses the version text of {@code getversion}, such as {@code "2025.1 (build 16785)"} or {@code
   * "2023.1"}.
   *
   * @throws IllegalArgumentException if the text does not start with {@code major.minor}
   */
  public static DomoticzVersion parse(CharSequence text) {
    requireNonNull(text, "text");
    Matcher matcher = VERSION.matcher(text.toString().trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "Invalid Domoticz version '"
              + text
              + "': expected a text such as '2025.1 (build 16785)'");
    }
    int build = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    return new DomoticzVersion(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), build);
  }

  /** Returns the first number, the year for releases since 2020. */
  public int major() {
    return major;
  }

  /** Returns the release number within the year. */
  public int minor() {
    return minor;
  }

  /** Returns the build number, or 0 when the text carried none. */
  public int build() {
    return build;
  }

  /** Returns true if this version uses only {@code type=command&param=...} requests. */
  boolean usesCommandStyle() {
    return compareRelease(LAST_LEGACY_STYLE) > 0;
  }

  private int compareRelease(DomoticzVersion other) {
    int byMajor = Integer.compare(major, other.major);
    return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
  }

  /** Returns true if this is the same release as {@code other}, whatever the build. */
  boolean isRelease(DomoticzVersion other) {
    return compareRelease(other) == 0;
  }

  @Override
  public int compareTo(DomoticzVersion other) {
    int byRelease = compareRelease(other);
    return byRelease != 0 ? byRelease : Integer.compare(build, other.build);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DomoticzVersion && compareTo((DomoticzVersion) other) == 0;
  }

  @Override
  public int hashCode() {
    return (major * 31 + minor) * 31 + build;
  }

  /** Returns {@code major.minor}, followed by {@code (build N)} when the build is known. */
  @Override
  public String toString() {
    return major + "." + minor + (build == 0 ? "" : " (build " + build + ")");
  }
}
