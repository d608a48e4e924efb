package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link SyncState} of each Domoticz hardware in a JSON file of a directory.
 *
 * <p>The file name is {@code linky-sync-<hardware>-<hash>.json}, where the hash is taken over the
 * Domoticz base URL and the hardware name, so two Domoticz servers with a hardware of the same name
 * keep separate files. A save writes a temporary file with owner-only permissions (on file systems
 * with POSIX permissions) and moves it over the old file atomically, so a crash leaves the old or
 * the new state, never a mix. The next load deletes the temporary file that a killed save left. A
 * file that cannot be read is moved aside as {@code <name>.corrupt-<timestamp>}, reported, and
 * replaced by an empty state; no other file is touched.
 */
public final class SyncStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(SyncStateStore.class);
  private static final int FORMAT_VERSION = 1;

  private final Path directory;
  private final Clock clock;
  private final JsonAdapter<StateJson> adapter =
      new Moshi.Builder().build().adapter(StateJson.class).indent("  ");

  /** Creates a store in {@code directory}; the clock names the files of corrupt states. */
  public SyncStateStore(Path directory, Clock clock) {
    this.directory = requireNonNull(directory, "directory");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Result of {@link #load}: the state and, when the file was unreadable, where it was moved. The
   * cause is logged as a warning; show {@link UserMessages#stateReset} to the user.
   */
  public record Loaded(SyncState state, Optional<Path> corruptFileMovedTo) {
    /** Creates the result. */
    public Loaded {
      requireNonNull(state, "state");
      requireNonNull(corruptFileMovedTo, "corruptFileMovedTo");
    }
  }

  /** Returns the file of the state of this hardware. */
  public Path file(String domoticzUrl, String hardwareName) {
    String url = normalise(domoticzUrl);
    String safeName = hardwareName.replaceAll("[^A-Za-z0-9._-]", "_");
    return directory.resolve(
        "linky-sync-" + safeName + "-" + hash(url + "\n" + hardwareName) + ".json");
  }

  /**
   * Loads the state of this hardware; a missing file gives an empty state.
   *
   * @throws IOException if the file exists but cannot be read or moved aside
   */
  public Loaded load(String domoticzUrl, String hardwareName) throws IOException {
    String url = normalise(domoticzUrl);
    requireNonNull(hardwareName, "hardwareName");
    Path file = file(url, hardwareName);
    deleteUnfinishedSaves(file);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Loaded(SyncState.empty(url, hardwareName), Optional.empty());
    }
    try {
      StateJson state = adapter.fromJson(json);
      if (state == null) {
        throw new JsonDataException("empty document");
      }
      return new Loaded(fromJson(state, url, hardwareName), Optional.empty());
    } catch (IOException | RuntimeException e) {
      // Any parse failure (syntax, truncation, wrong types, invalid values) means a corrupt file.
      return new Loaded(SyncState.empty(url, hardwareName), Optional.of(moveAside(file, e)));
    }
  }

  /**
   * Saves the state atomically with owner-only permissions.
   *
   * @throws IOException if the file cannot be written
   */
  public void save(SyncState state) throws IOException {
    requireNonNull(state, "state");
    Files.createDirectories(directory);
    Path target = file(state.domoticzUrl(), state.hardwareName());
    Path temp = createOwnerOnlyTempFile(target);
    try {
      byte[] json = adapter.toJson(toJson(state)).getBytes(StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(json));
        // Flush to disk before the move, so a power cut cannot leave an empty file in place.
        channel.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.warn("Atomic move not supported in {}, replacing {} in place", directory, target);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Flushes {@code directory} to disk after a rename in it, so that a power cut just after a save
   * cannot bring back the previous file. Best effort, because some platforms cannot open a
   * directory; the new file is in place either way.
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug(
          "Cannot flush directory {} to disk ({}); a power cut may undo the last save",
          directory,
          e.toString());
    }
  }

  /**
   * Deletes the temporary files of {@code file} that a save killed before its move left behind.
   * They never hold the state in use, which is always the old or the new whole file. A process
   * saving the same state at the same time would lose its save, but two processes that sync the
   * same hardware from one directory overwrite each other's state anyway.
   */
  private void deleteUnfinishedSaves(Path file) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    // The file name has only letters, digits, '.', '_' and '-', so it contains no glob character.
    String glob = file.getFileName() + ".*.tmp";
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, glob)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
        LOG.info("Deleted {}, left by a save of the sync state that did not finish", temp);
      }
    }
  }

  private Path createOwnerOnlyTempFile(Path target) throws IOException {
    String prefix = target.getFileName().toString() + ".";
    try {
      return Files.createTempFile(
          directory,
          prefix,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Path temp = Files.createTempFile(directory, prefix, ".tmp");
      temp.toFile().setReadable(false, false);
      temp.toFile().setReadable(true, true);
      temp.toFile().setWritable(false, false);
      temp.toFile().setWritable(true, true);
      return temp;
    }
  }

  private Path moveAside(Path file, Exception cause) throws IOException {
    String stamp = LocalDateTime.now(clock).withNano(0).toString().replace(':', '-');
    String base = file.getFileName() + ".corrupt-" + stamp;
    Path aside = file.resolveSibling(base);
    for (int copy = 2; ; copy++) {
      try {
        Files.move(file, aside);
        break;
      } catch (FileAlreadyExistsException e) {
        aside = file.resolveSibling(base + "-" + copy);
      }
    }
    LOG.warn(
        "The sync state {} is unreadable ({}); moved it to {} and started from an empty state,"
            + " so the history is fetched again",
        file,
        cause.toString(),
        aside);
    return aside;
  }

  private static String normalise(String domoticzUrl) {
    String url = requireNonNull(domoticzUrl, "domoticzUrl").trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  // The JSON shapes below are the file format; field names are part of it.

  static final class StateJson {
    int version;
    String domoticzUrl;
    String hardwareName;
    String lastSuccessfulRun;
    String nextCompleteHistory;
    HistoryJson history;
    int consecutiveFailures;
    Integer appliedReset;
    ShortLogWarningJson shortLogWarning;
    Map<String, UsagePointJson> usagePoints;
  }

  static final class HistoryJson {
    int otherViewDays;
    int hourlyViewDays;
    boolean dailyEndpoint;
  }

  static final class ShortLogWarningJson {
    int shortLogDays;
    int hourlyViewDays;
  }

  static final class UsagePointJson {
    List<String> consumptionDays;
    List<String> productionDays;
    List<String> consumptionRefreshed;
    List<String> productionRefreshed;
    List<String> unverifiedDays;
    boolean noConsumption;
    boolean noProduction;
    String shortLogEnd;
    long[] shortLogCounters;
    List<DayJson> days;
  }

  static final class DayJson {
    String day;
    long[] energy;
    long[] maxHourEnergy;
    long[] tariffMinutes;
    String consumption;
    String production;
    String peakTime;
    Long peakVoltAmperes;
    long[] shortLog;
  }

  private static StateJson toJson(SyncState state) {
    StateJson json = new StateJson();
    json.version = FORMAT_VERSION;
    json.domoticzUrl = state.domoticzUrl();
    json.hardwareName = state.hardwareName();
    json.lastSuccessfulRun = state.lastSuccessfulRun().map(Instant::toString).orElse(null);
    json.nextCompleteHistory = state.nextCompleteHistory().map(LocalDate::toString).orElse(null);
    json.history = state.historyShape().map(SyncStateStore::toJson).orElse(null);
    json.consecutiveFailures = state.consecutiveFailures();
    json.appliedReset = state.appliedReset().map(DebugLevel::pluginValue).orElse(null);
    json.shortLogWarning = state.shortLogWarning().map(SyncStateStore::toJson).orElse(null);

    json.usagePoints = new LinkedHashMap<>();
    state.usagePoints().forEach((id, point) -> json.usagePoints.put(id, toJson(point)));
    return json;
  }

  private static HistoryJson toJson(SyncState.HistoryShape shape) {
    HistoryJson history = new HistoryJson();
    history.otherViewDays = shape.otherViewDays();
    history.hourlyViewDays = shape.hourlyViewDays();
    history.dailyEndpoint = shape.dailyEndpoint();
    return history;
  }

  private static ShortLogWarningJson toJson(SyncState.ShortLogWarning warning) {
    ShortLogWarningJson warned = new ShortLogWarningJson();
    warned.shortLogDays = warning.shortLogDays();
    warned.hourlyViewDays = warning.hourlyViewDays();
    return warned;
  }

  private static UsagePointJson toJson(UsagePointState point) {
    UsagePointJson json = new UsagePointJson();
    json.consumptionDays = point.writtenDays(Direction.CONSUMPTION).toStrings();
    json.productionDays = point.writtenDays(Direction.PRODUCTION).toStrings();
    json.consumptionRefreshed = point.refreshedDays(Direction.CONSUMPTION).toStrings();
    json.productionRefreshed = point.refreshedDays(Direction.PRODUCTION).toStrings();
    if (!point.unverifiedDays().isEmpty()) {
      json.unverifiedDays = point.unverifiedDays().toStrings();
    }
    json.noConsumption = point.isAbsent(Direction.CONSUMPTION);
    json.noProduction = point.isAbsent(Direction.PRODUCTION);
    point
        .shortLogAnchor()
        .ifPresent(
            anchor -> {
              json.shortLogEnd = anchor.end().toString();
              json.shortLogCounters = anchor.counters().toArray();
            });
    json.days = new ArrayList<>();
    for (DayStatistics day : point.statistics().values()) {
      DayJson dayJson = new DayJson();
      dayJson.day = day.day().toString();
      dayJson.energy = day.energy().toArray();
      dayJson.maxHourEnergy = day.maxHourEnergy().toArray();
      dayJson.tariffMinutes = day.tariffMinutes().toArray();
      dayJson.consumption = day.consumption().name();
      dayJson.production = day.production().name();
      day.peak()
          .ifPresent(
              peak -> {
                dayJson.peakTime = peak.time().toString();
                dayJson.peakVoltAmperes = peak.voltAmperes();
              });
      dayJson.shortLog = day.shortLogWattHours().toArray();
      json.days.add(dayJson);
    }
    return json;
  }

  private static SyncState fromJson(StateJson json, String url, String hardwareName) {
    if (json.version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unsupported format version " + json.version + ", expected " + FORMAT_VERSION);
    }
    if (!url.equals(json.domoticzUrl) || !hardwareName.equals(json.hardwareName)) {
      throw new IllegalArgumentException(
          "the file belongs to " + json.domoticzUrl + " hardware '" + json.hardwareName + "'");
    }
    Map<String, UsagePointState> points = new LinkedHashMap<>();
    if (json.usagePoints != null) {
      json.usagePoints.forEach((id, point) -> points.put(id, fromJson(id, point)));
    }
    SyncState.HistoryShape shape =
        json.history == null
            ? null
            : new SyncState.HistoryShape(
                json.history.otherViewDays,
                json.history.hourlyViewDays,
                json.history.dailyEndpoint);
    try {
      return new SyncState(
          url,
          hardwareName,
          points,
          json.lastSuccessfulRun == null ? null : Instant.parse(json.lastSuccessfulRun),
          json.nextCompleteHistory == null ? null : LocalDate.parse(json.nextCompleteHistory),
          shape,
          json.consecutiveFailures,
          json.appliedReset == null
              ? null
              : DebugLevel.parsePluginValue(json.appliedReset.toString()),
          json.shortLogWarning == null
              ? null
              : new SyncState.ShortLogWarning(
                  json.shortLogWarning.shortLogDays, json.shortLogWarning.hourlyViewDays));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid date: " + e.getParsedString(), e);
    }
  }

  private static UsagePointState fromJson(String id, UsagePointJson json) {
    Map<Direction, DaySet> written =
        Map.of(
            Direction.CONSUMPTION, days(json.consumptionDays),
            Direction.PRODUCTION, days(json.productionDays));
    Map<Direction, DaySet> refreshed =
        Map.of(
            Direction.CONSUMPTION, days(json.consumptionRefreshed),
            Direction.PRODUCTION, days(json.productionRefreshed));
    TreeMap<LocalDate, DayStatistics> stats = new TreeMap<>();
    try {
      if (json.days != null) {
        for (DayJson day : json.days) {
          DayStatistics statistics = fromJson(day);
          stats.put(statistics.day(), statistics);
        }
      }
      UsagePointState.ShortLogAnchor anchor = null;
      if (json.shortLogEnd != null) {
        anchor =
            new UsagePointState.ShortLogAnchor(
                ZonedDateTime.parse(json.shortLogEnd), registers(json.shortLogCounters));
      }
      return new UsagePointState(
          id,
          written,
          refreshed,
          json.noConsumption,
          json.noProduction,
          stats,
          anchor,
          days(json.unverifiedDays));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid date '" + e.getParsedString() + "' for usage point " + id, e);
    }
  }

  private static DayStatistics fromJson(DayJson json) {
    Optional<DailyPeak> peak =
        json.peakTime == null || json.peakVoltAmperes == null
            ? Optional.empty()
            : Optional.of(new DailyPeak(LocalDateTime.parse(json.peakTime), json.peakVoltAmperes));
    return new DayStatistics(
        LocalDate.parse(requireText(json.day, "day")),
        registers(json.energy),
        registers(json.maxHourEnergy),
        registers(json.tariffMinutes),
        DaySource.valueOf(requireText(json.consumption, "consumption")),
        DaySource.valueOf(requireText(json.production, "production")),
        peak,
        json.shortLog == null ? Registers.ZERO : registers(json.shortLog));
  }

  private static DaySet days(List<String> texts) {
    return texts == null ? DaySet.empty() : DaySet.parse(texts);
  }

  private static Registers registers(long[] values) {
    if (values == null || values.length != 4) {
      throw new IllegalArgumentException("expected 4 register values");
    }
    return Registers.of(values);
  }

  private static String requireText(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return text;
  }
}
