package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Writes P1 Smart Meter history into Domoticz through its {@code /json.htm} API.
 *
 * <p>The first request reads the Domoticz version with {@code getversion} and picks the request
 * form that version accepts: {@code type=devices}-style names up to 2023.1, {@code
 * type=command&param=...} from 2024.1. Domoticz 2023.2 is rejected because its history insertion
 * corrupts the dashboard value, and versions before 2020.1 because they cannot insert P1 history.
 *
 * <p>A typical run finds its devices, writes the hourly short log and the day rows, then the
 * undated dashboard value, and reads the day rows back, because Domoticz returns OK even when it
 * drops a dated row:
 *
 * <pre>{@code
 * DomoticzClient domoticz =
 *     DomoticzClient.builder("http://192.168.1.10:8080")
 *         .auth(DomoticzAuth.session("admin", password))
 *         .build();
 * DomoticzHardware hardware = domoticz.findOrCreateHardware(DomoticzClient.DEFAULT_HARDWARE_NAME);
 * P1Device meter = domoticz.findOrCreateP1Device(hardware, P1Device.nameFor("12345678901234"));
 * domoticz.writeShortLogPoint(meter, LocalDateTime.parse("2026-12-03T14:00"), reading);
 * domoticz.writeDayRow(meter, LocalDate.parse("2026-12-03"), dayEnergy);
 * domoticz.writeCurrentValue(meter, reading);
 * domoticz.verifyDayRows(meter, Map.of(LocalDate.parse("2026-12-03"), dayEnergy));
 * }</pre>
 *
 * <p>Values are whole Wh and W, written as plain integers. The client never sends {@code setused}
 * with {@code used=false}, which deletes a device and its history. Dates and times are the Domoticz
 * server's local time. Instances are thread-safe.
 */
public final class DomoticzClient {
  /** The hardware name used when the caller has no preference. */
  public static final String DEFAULT_HARDWARE_NAME = "Linky";

  private static final Logger LOG = LoggerFactory.getLogger(DomoticzClient.class);

  private static final int DUMMY_HARDWARE_TYPE = 15;
  private static final String P1_TYPE = "P1 Smart Meter";

  /** base64 of {@code AddDBLogEntry:true;DisableLogAutoUpdate:true}. */
  static final String HISTORY_OPTIONS =
      Authenticator.base64("AddDBLogEntry:true;DisableLogAutoUpdate:true");

  /** Domoticz deletes short-log points once per interval, so allow one interval of delay. */
  private static final Duration SHORT_LOG_PURGE_MARGIN = Duration.ofMinutes(10);

  private final HttpUrl baseUrl;
  private final DomoticzAuth auth;
  private final DomoticzApi api;
  private final Clock clock;

  private final java.util.concurrent.atomic.AtomicBoolean shortLogWarned =
      new java.util.concurrent.atomic.AtomicBoolean();

  // Guarded by this.
  private DomoticzVersion version;

  private DomoticzClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.auth = builder.auth;
    this.clock = builder.clock;
    Moshi moshi = new Moshi.Builder().build();
    OkHttpClient base = builder.httpClient != null ? builder.httpClient : new OkHttpClient();
    OkHttpClient client =
        base.newBuilder()
            .addInterceptor(new ResponseChecker(auth, baseUrl))
            .addInterceptor(new Authenticator(auth, baseUrl, base, moshi, clock))
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(client)
            .addConverterFactory(MoshiConverterFactory.create(moshi))
            .build()
            .create(DomoticzApi.class);
  }

  /**
   * Returns a builder for a client of the Domoticz server at {@code baseUrl}, such as {@code
   * http://192.168.1.10:8080} or {@code https://example.org/domoticz/}.
   *
   * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL
   */
  public static Builder builder(String baseUrl) {
    requireNonNull(baseUrl, "baseUrl");
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException(
          "Invalid Domoticz URL '" + baseUrl + "': expected http://host:port or https://host/");
    }
    if (!url.encodedPath().endsWith("/")) {
      url = url.newBuilder().addPathSegment("").build();
    }
    return new Builder(url);
  }

  /**
   * Returns the Domoticz version, reading it on the first call.
   *
   * @throws UnsupportedDomoticzVersionException for Domoticz 2023.2 or a version before 2020.1
   * @throws DomoticzAuthenticationException if Domoticz hides its version from this client
   */
  public synchronized DomoticzVersion version() throws DomoticzException {
    if (version == null) {
      DomoticzVersion found = readVersion();
      checkSupported(found);
      LOG.info("Connected to Domoticz {} at {}", found, baseUrl);
      version = found;
    }
    return version;
  }

  private DomoticzVersion readVersion() throws DomoticzException {
    Command command = Command.of("getversion", true);
    Dtos.Version answer = execute(command, api::version, "");
    if (answer.version == null) {
      throw new DomoticzAuthenticationException(
          "Authentication failed: Domoticz at "
              + baseUrl
              + " did not return its version, which "
              + "it hides from clients without credentials. "
              + ResponseChecker.CONFIGURE_LOGIN);
    }
    try {
      return DomoticzVersion.parse(answer.version);
    } catch (IllegalArgumentException e) {
      throw new DomoticzException(
          "Domoticz at "
              + baseUrl
              + " returned the version '"
              + answer.version
              + "', which is not a release number such as '2025.1'",
          e);
    }
  }

  private static void checkSupported(DomoticzVersion found)
      throws UnsupportedDomoticzVersionException {
    String supported = " Use Domoticz 2020.1 to 2023.1, or 2024.1 or later.";
    if (found.isRelease(DomoticzVersion.BROKEN_HISTORY)) {
      throw new UnsupportedDomoticzVersionException(
          found,
          "Domoticz "
              + found
              + " is not supported: its history insertion writes dated rows into "
              + "the dashboard value and rejects undated updates."
              + supported);
    }
    if (found.compareTo(DomoticzVersion.FIRST_WITH_HISTORY) < 0) {
      throw new UnsupportedDomoticzVersionException(
          found,
          "Domoticz "
              + found
              + " is too old: inserting P1 Smart Meter history needs 2020.1."
              + supported);
    }
  }

  /**
   * Finds the Dummy hardware called {@code name}, or creates it.
   *
   * @throws DomoticzException if Domoticz rejects the request; creating hardware needs an admin
   */
  public DomoticzHardware findOrCreateHardware(String name) throws DomoticzException {
    checkName(name, "hardware name");
    Optional<DomoticzHardware> found = findHardware(name);
    if (found.isPresent()) {
      return found.get();
    }
    Command add =
        command("addhardware")
            .with("htype", DUMMY_HARDWARE_TYPE)
            .with("name", name)
            .with("enabled", "true")
            .with("datatimeout", 0)
            .with("loglevel", 7);
    Dtos.CreatedIdx created = execute(add, api::create, "for hardware '" + name + "'");
    DomoticzHardware hardware = new DomoticzHardware(requireIdx(created, add), name);
    LOG.info("Created Dummy hardware '{}' with idx {} in Domoticz", name, hardware.idx());
    return hardware;
  }

  private Optional<DomoticzHardware> findHardware(String name) throws DomoticzException {
    Dtos.HardwareList list = execute(command("gethardware"), api::hardware, "");
    List<Dtos.Hardware> hardware = list.result == null ? List.of() : list.result;
    return hardware.stream()
        .filter(h -> h.type == DUMMY_HARDWARE_TYPE && name.equals(h.name))
        .min((a, b) -> Long.compare(a.idx, b.idx))
        .map(h -> new DomoticzHardware(h.idx, h.name));
  }

  /** Returns the P1 Smart Meter called {@code name} on {@code hardware}, if it exists. */
  public Optional<P1Device> findP1Device(DomoticzHardware hardware, String name)
      throws DomoticzException {
    requireNonNull(hardware, "hardware");
    checkName(name, "device name");
    return findDevice(hardware, d -> name.equals(d.name), "'" + name + "'");
  }

  /**
   * Returns the P1 Smart Meter with the Domoticz device ID {@code deviceId} on {@code hardware}, if
   * it exists. This finds a device that the user renamed.
   */
  public Optional<P1Device> findP1DeviceById(DomoticzHardware hardware, String deviceId)
      throws DomoticzException {
    requireNonNull(hardware, "hardware");
    requireNonNull(deviceId, "deviceId");
    return findDevice(hardware, d -> deviceId.equals(d.deviceId), "with ID " + deviceId);
  }

  private Optional<P1Device> findDevice(
      DomoticzHardware hardware,
      java.util.function.Predicate<Dtos.Device> match,
      String description)
      throws DomoticzException {
    Command list = command("getdevices").with("filter", "all").with("used", "all");
    Dtos.DeviceList devices = execute(list, api::devices, "");
    List<Dtos.Device> all = devices.result == null ? List.of() : devices.result;
    Optional<Dtos.Device> found =
        all.stream()
            .filter(d -> d.hardwareId == hardware.idx() && match.test(d))
            .min((a, b) -> Long.compare(a.idx, b.idx));
    if (found.isPresent() && !P1_TYPE.equals(found.get().type)) {
      throw new DomoticzException(
          "Domoticz device "
              + description
              + " (idx "
              + found.get().idx
              + ") on hardware '"
              + hardware.name()
              + "' is a "
              + found.get().type
              + ", not a "
              + P1_TYPE
              + ". Rename or delete that device in Domoticz.");
    }
    return found.map(d -> new P1Device(d.idx, nullToEmpty(d.deviceId), d.name, hardware.idx()));
  }

  /**
   * Finds the P1 Smart Meter called {@code name} on {@code hardware}, or creates it, and switches
   * it to history insertion with {@link #enableHistoryInsertion}. Calling this again after a
   * restart finds the same device, so nothing is created twice.
   */
  public P1Device findOrCreateP1Device(DomoticzHardware hardware, String name)
      throws DomoticzException {
    Optional<P1Device> found = findP1Device(hardware, name);
    P1Device device = found.isPresent() ? found.get() : createP1Device(hardware, name);
    enableHistoryInsertion(device);
    return device;
  }

  private P1Device createP1Device(DomoticzHardware hardware, String name) throws DomoticzException {
    Command create = command("createdevice").with("idx", hardware.idx()).with("sensorname", name);
    if (version().usesCommandStyle()) {
      create.with("devicetype", 250).with("devicesubtype", 1);
    } else {
      create.with("sensormappedtype", "0xFA01");
    }
    Dtos.CreatedIdx created = execute(create, api::create, "for device '" + name + "'");
    long idx = requireIdx(created, create);
    LOG.info("Created P1 Smart Meter '{}' with idx {} in Domoticz", name, idx);
    // List the device again to read the ID that Domoticz derived for it.
    return findP1Device(hardware, name)
        .orElseThrow(
            () ->
                new DomoticzException(
                    "Domoticz created device '"
                        + name
                        + "' (idx "
                        + idx
                        + ") but does not list "
                        + "it on hardware '"
                        + hardware.name()
                        + "'. Check that Setup > Settings "
                        + "> Accept new Hardware Devices is on."));
  }

  /**
   * Sets the device options {@code AddDBLogEntry:true} and {@code DisableLogAutoUpdate:true}, so
   * that dated values become history rows and Domoticz adds no rows of its own. Domoticz replaces
   * all options of the device, and editing the device in its web page can drop them, so call this
   * before writing history.
   */
  public void enableHistoryInsertion(P1Device device) throws DomoticzException {
    requireNonNull(device, "device");
    Command setUsed =
        command("setused")
            .with("idx", device.idx())
            .with("used", "true")
            .with("options", HISTORY_OPTIONS);
    execute(setUsed, api::status, "for " + describe(device));
  }

  /**
   * Writes one hourly short-log point: the cumulative counters at {@code end}, the end of the
   * interval. Domoticz's day graph draws power from the differences between consecutive points.
   * Domoticz deletes points older than {@link #shortLogDays()} days. In the hour repeated when
   * daylight saving time ends, the second point replaces the first, because Domoticz keys points by
   * local time.
   *
   * @throws IllegalArgumentException if {@code end} falls in the hour skipped when daylight saving
   *     time starts in the clock's zone, because Domoticz silently drops such a point
   */
  public void writeShortLogPoint(P1Device device, LocalDateTime end, P1Reading reading)
      throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(end, "end");
    requireNonNull(reading, "reading");
    if (clock.getZone().getRules().getValidOffsets(end).isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid short-log time "
              + end
              + ": it does not exist in "
              + clock.getZone()
              + " (daylight saving gap), so Domoticz would drop the point. Skip it.");
    }
    String time = end.truncatedTo(ChronoUnit.SECONDS).format(History.SHORT_LOG_TIME);
    writeSValue(device, reading.toSValueFields() + ";" + time, "short-log point " + time);
  }

  /**
   * Writes the history row of one day: the energy of that day per register. Writing the same day
   * again replaces the row.
   */
  public void writeDayRow(P1Device device, LocalDate date, P1Energy energy)
      throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(date, "date");
    requireNonNull(energy, "energy");
    // The power fields of a day row are not used by Domoticz's graphs.
    writeSValue(device, energy.toSValueFields() + ";0;0;" + date, "day row " + date);
  }

  /** Writes the undated value that the dashboard shows and that sets the device's last update. */
  public void writeCurrentValue(P1Device device, P1Reading reading) throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(reading, "reading");
    writeSValue(device, reading.toSValueFields(), "current value");
  }

  private void writeSValue(P1Device device, String sValue, String what) throws DomoticzException {
    Command update =
        command("udevice").with("idx", device.idx()).with("nvalue", 0).with("svalue", sValue);
    execute(update, api::status, "(" + what + ") for " + describe(device));
    LOG.debug("Wrote {} of {}", what, describe(device));
  }

  /**
   * Adds a line to the Domoticz log, shown under Setup &gt; Log.
   *
   * @throws IllegalArgumentException if {@code message} is blank, which Domoticz rejects
   */
  public void addLogMessage(String message, DomoticzLogLevel level) throws DomoticzException {
    requireNonNull(message, "message");
    requireNonNull(level, "level");
    if (message.isBlank()) {
      throw new IllegalArgumentException("Missing log message: Domoticz rejects an empty one");
    }
    Command add = command("addlogmessage").with("message", message).with("level", level.code());
    execute(add, api::status, "");
  }

  /**
   * Returns how many days of short log Domoticz keeps: the setting Setup &gt; Settings &gt; Log
   * History &gt; Short Log Sensors ({@code ShortLogDays}, 1 by default). Points older than that are
   * deleted within one short-log interval.
   */
  public int shortLogDays() throws DomoticzException {
    Dtos.Settings settings = execute(command("getsettings"), api::settings, "");
    if (settings.shortLogDays == null || settings.shortLogDays < 1) {
      LOG.warn("Domoticz returned no ShortLogDays setting, assuming its default of 1 day");
      return 1;
    }
    return settings.shortLogDays;
  }

  /**
   * Checks that Domoticz keeps the short log for at least {@code hourlyViewDays} days, and logs a
   * warning the first time it does not, because the older hourly points would disappear within
   * minutes of being written.
   *
   * @return true if Domoticz keeps enough days
   */
  public boolean checkShortLogRetention(int hourlyViewDays) throws DomoticzException {
    int kept = shortLogDays();
    if (hourlyViewDays <= kept) {
      return true;
    }
    if (shortLogWarned.compareAndSet(false, true)) {
      LOG.warn(
          "Domoticz at {} keeps {} days of short log but the hourly view needs {}: older hourly"
              + " points will disappear. Raise Setup > Settings > Log History > Short Log Sensors"
              + " to {} days.",
          baseUrl,
          kept,
          hourlyViewDays,
          hourlyViewDays);
    }
    return false;
  }

  /**
   * Reads the stored day rows of {@code device} from {@code from} to {@code to}, both inclusive,
   * with one year graph per calendar year. Rows of today and later are not returned, because
   * Domoticz replaces today's row by a value worked out from the short log.
   */
  public List<StoredDayRow> readDayRows(P1Device device, LocalDate from, LocalDate to)
      throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid range: " + to + " is before " + from);
    }
    LocalDate today = LocalDate.now(clock);
    List<StoredDayRow> rows = new ArrayList<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      Command graph = graph(device, "year").with("actyear", year);
      Dtos.Graph answer = execute(graph, api::graph, "for " + describe(device));
      for (StoredDayRow row : History.dayRows(answer, year, today)) {
        if (!row.date().isBefore(from) && !row.date().isAfter(to)) {
          rows.add(row);
        }
      }
    }
    return Collections.unmodifiableList(rows);
  }

  /** Reads every short-log point that Domoticz still keeps for {@code device}. */
  public List<StoredShortLogPoint> readShortLog(P1Device device) throws DomoticzException {
    requireNonNull(device, "device");
    Dtos.Graph answer = execute(graph(device, "day"), api::graph, "for " + describe(device));
    return History.shortLog(answer);
  }

  private Command graph(P1Device device, String range) throws DomoticzException {
    return command("graph")
        .with("sensor", "counter")
        .with("idx", device.idx())
        .with("range", range);
  }

  /**
   * Reads the value that the dashboard of {@code device} shows: its counters and powers as last
   * written with {@link #writeCurrentValue}.
   *
   * @return the reading, empty when the device is gone or its value is not six whole numbers
   */
  public Optional<P1Reading> readCurrentValue(P1Device device) throws DomoticzException {
    requireNonNull(device, "device");
    Command list = command("getdevices").with("rid", device.idx());
    Dtos.DeviceList devices = execute(list, api::devices, "for " + describe(device));
    if (devices.result == null || devices.result.isEmpty() || devices.result.get(0).data == null) {
      return Optional.empty();
    }
    String[] fields = devices.result.get(0).data.split(";");
    if (fields.length != 6) {
      return Optional.empty();
    }
    long[] values = new long[6];
    for (int i = 0; i < 6; i++) {
      try {
        values[i] = Long.parseLong(fields[i].trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new P1Reading(
            new P1Energy(values[0], values[1], values[2], values[3]), values[4], values[5]));
  }

  /**
   * Reads the day rows back and checks that each written row is stored with the same values. Rows
   * dated today or later are not checked.
   *
   * @throws DomoticzHistoryException naming the device and every date that is missing or differs
   */
  public void verifyDayRows(P1Device device, Map<LocalDate, P1Energy> written)
      throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(written, "written");
    LocalDate today = LocalDate.now(clock);
    Map<LocalDate, P1Energy> checked = new TreeMap<>(written);
    checked.keySet().removeIf(date -> !date.isBefore(today));
    if (checked.size() < written.size()) {
      LOG.info(
          "Not checking {} day rows of {} dated today or later",
          written.size() - checked.size(),
          describe(device));
    }
    if (checked.isEmpty()) {
      return;
    }
    TreeMap<LocalDate, P1Energy> sorted = new TreeMap<>(checked);
    List<StoredDayRow> stored = readDayRows(device, sorted.firstKey(), sorted.lastKey());
    List<String> problems = History.compareDays(checked, stored);
    if (!problems.isEmpty()) {
      throw historyException(device, problems, checked.size(), "day rows");
    }
  }

  /**
   * Reads the short log back and checks that Domoticz lists a point at each written time, to the
   * minute. Times that Domoticz has already deleted under its {@link #shortLogDays()} setting are
   * not checked, nor is the oldest remaining one, which Domoticz does not list.
   *
   * @throws DomoticzHistoryException naming the device and every missing time
   */
  public void verifyShortLog(P1Device device, Map<LocalDateTime, P1Reading> written)
      throws DomoticzException {
    requireNonNull(device, "device");
    requireNonNull(written, "written");
    LocalDateTime kept =
        LocalDateTime.now(clock).minusDays(shortLogDays()).plus(SHORT_LOG_PURGE_MARGIN);
    TreeSet<LocalDateTime> expected = new TreeSet<>();
    written.keySet().stream()
        .filter(time -> time.isAfter(kept))
        .forEach(time -> expected.add(time.truncatedTo(ChronoUnit.MINUTES)));
    // NOTE: only the times are compared; Domoticz returns powers, not the written counters.
    expected.pollFirst();
    TreeSet<LocalDateTime> stored = new TreeSet<>();
    readShortLog(device).forEach(point -> stored.add(point.time()));
    List<String> problems = new ArrayList<>();
    for (LocalDateTime time : expected) {
      if (!stored.contains(time)) {
        problems.add(time.format(History.SHORT_LOG_TIME) + " missing");
      }
    }
    if (!problems.isEmpty()) {
      throw historyException(device, problems, expected.size(), "short-log points");
    }
  }

  private DomoticzHistoryException historyException(
      P1Device device, List<String> problems, int checked, String what) {
    String message =
        "Domoticz did not store "
            + problems.size()
            + " of "
            + checked
            + " "
            + what
            + " of "
            + describe(device)
            + ": "
            + String.join(", ", problems)
            + ". Check that the device has the options AddDBLogEntry and DisableLogAutoUpdate "
            + "(enableHistoryInsertion) and read the Domoticz log for rejected dates.";
    return new DomoticzHistoryException(device, problems, message);
  }

  private Command command(String name) throws DomoticzException {
    return Command.of(name, version().usesCommandStyle());
  }

  private <T extends Dtos.Status> T execute(
      Command command, Function<Map<String, String>, Call<T>> call, String context)
      throws DomoticzException {
    Response<T> response;
    try {
      response = call.apply(command.query()).execute();
    } catch (DomoticzException e) {
      throw e;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new DomoticzException(
          "Domoticz at "
              + baseUrl
              + " returned invalid JSON for "
              + command
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new DomoticzException(
          "Domoticz at " + baseUrl + " did not respond to " + command + ": " + e.getMessage(), e);
    }
    T body = response.body();
    if (!response.isSuccessful() || body == null) {
      throw new DomoticzException(
          "Domoticz at "
              + baseUrl
              + " returned HTTP "
              + response.code()
              + " for "
              + command
              + (response.code() == 404
                  ? ": this Domoticz version does not support the request"
                  : "")
              + ".");
    }
    if (!"OK".equals(body.status)) {
      String detail = body.message == null ? "" : " (" + body.message + ")";
      throw new DomoticzException(
          "Domoticz rejected "
              + command
              + suffix(context)
              + " with status "
              + body.status
              + detail
              + ".");
    }
    return body;
  }

  private static String suffix(String context) {
    return context.isEmpty() ? "" : " " + context;
  }

  private static long requireIdx(Dtos.CreatedIdx created, Command command)
      throws DomoticzException {
    if (created.idx == null) {
      throw new DomoticzException("Domoticz returned no idx for the new item of " + command + ".");
    }
    return created.idx;
  }

  private static String describe(P1Device device) {
    return "device '" + device.name() + "' (idx " + device.idx() + ")";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static void checkName(String name, String label) {
    requireNonNull(name, label);
    if (name.isBlank()) {
      throw new IllegalArgumentException("Missing " + label + ": it must not be blank");
    }
  }

  static boolean isJson(okhttp3.Response response) {
    return response.header("Content-Type", "").toLowerCase(java.util.Locale.ROOT).contains("json");
  }

  /** Returns the clock that dates the short log and the read-back. */
  Clock clock() {
    return clock;
  }

  /** Returns the base URL of the Domoticz server, without credentials. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** Returns the base URL and the authentication mode, never a password or token. */
  @Override
  public String toString() {
    return "DomoticzClient[" + baseUrl + ", " + auth + "]";
  }

  /** Configures a {@link DomoticzClient}. */
  public static final class Builder {
    private final HttpUrl baseUrl;
    private DomoticzAuth auth = DomoticzAuth.none();
    private boolean allowPlainHttpBasicAuth;
    private OkHttpClient httpClient;
    private Clock clock = Clock.systemDefaultZone();

    private Builder(HttpUrl baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** Sets how the client authenticates; {@link DomoticzAuth#none()} by default. */
    public Builder auth(DomoticzAuth auth) {
      this.auth = requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Allows {@link DomoticzAuth#basic} over plain HTTP. Turn on Domoticz's own setting {@code
     * AllowPlainBasicAuth} too, and accept that the password crosses the network readable.
     */
    public Builder allowPlainHttpBasicAuth(boolean allow) {
      this.allowPlainHttpBasicAuth = allow;
      return this;
    }

    /** Sets the HTTP client to build on, for timeouts, proxies or TLS settings. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the clock for token expiry and for "today". Its zone must be the Domoticz server's time
     * zone. The system clock in the default zone is used by default.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalArgumentException for Basic authentication over plain HTTP that was not
     *     allowed with {@link #allowPlainHttpBasicAuth}
     */
    public DomoticzClient build() {
      if (auth.mode() == DomoticzAuth.Mode.BASIC
          && !baseUrl.isHttps()
          && !allowPlainHttpBasicAuth) {
        throw new IllegalArgumentException(
            "HTTP Basic authentication to "
                + baseUrl
                + " would send the password over plain "
                + "HTTP, which Domoticz rejects unless AllowPlainBasicAuth is on. Use an https://"
                + " URL, set domoticz.auth to session (DomoticzAuth.session in the library), or"
                + " set domoticz.allow-plain-basic to true (allowPlainHttpBasicAuth(true) in the"
                + " library).");
      }
      return new DomoticzClient(this);
    }
  }
}
