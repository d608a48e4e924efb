package io.github.linkyj.domoticz;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.linkyj.core.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful stand-in for a Domoticz server, for MockWebServer. It responds like the Domoticz
 * 2025.1 that the recordings in {@code src/test/resources/domoticz} come from: the static responses
 * are those recordings, and lists and graphs are built from the fake's state in the same shape.
 *
 * <p>It keeps hardware, devices with their options, calendar rows, short-log samples, the current
 * value and log messages. Like the real server it returns OK for a dated row it drops (bad date, or
 * a device without {@code AddDBLogEntry}), deletes a device on {@code setused&used=false}, deletes
 * short-log samples older than {@code ShortLogDays} days, and rejects the old {@code type=devices}
 * forms with HTTP 404. With {@link #version} it can act as an older release: up to 2023.1 only the
 * old forms work for the renamed commands, and 2023.2 breaks history insertion as that release did.
 *
 * <p>Authentication: {@link #trustedNetwork} needs no credentials (a wrong Basic header still gets
 * 401); {@link #withUser} accepts a {@code logincheck} session cookie, a Basic header when {@link
 * #allowPlainBasicAuth} is on, and a bearer token from {@code /oauth2/v1/token} for the clients
 * registered with {@link #registerApplication}.
 *
 * <pre>{@code
 * MockWebServer server = new MockWebServer();
 * FakeDomoticz domoticz = FakeDomoticz.trustedNetwork(clock);
 * server.setDispatcher(domoticz);
 * server.start(InetAddress.getLoopbackAddress(), 0);
 * }</pre>
 */
public final class FakeDomoticz extends Dispatcher {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Object> JSON = MOSHI.adapter(Object.class).indent("\t");
  private static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);
  private static final long TOKEN_SECONDS = 3600;
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SQL_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?");

  /** The commands that Domoticz 2023.2 moved from {@code type=<old>} to {@code param=<new>}. */
  private static final Map<String, String> NEW_NAMES =
      Map.of(
          "devices", "getdevices",
          "hardware", "gethardware",
          "graph", "graph",
          "settings", "getsettings",
          "createdevice", "createdevice",
          "setused", "setused");

  private final Clock clock;
  private final String user;
  private final String password;
  private DomoticzVersion version = DomoticzVersion.parse("2025.1 (build 16785)");
  private String versionText = "2025.1 (build 16785)";
  private boolean allowPlainBasicAuth;
  private boolean loginPage;
  private int shortLogDays = 1;

  private final Map<Long, String> hardwareNames = new TreeMap<>();
  private final Map<Long, FakeDevice> devices = new TreeMap<>();
  private final List<String> logMessages = new ArrayList<>();
  private final List<HttpUrl> requests = new ArrayList<>();
  private final Map<String, Instant> sessions = new HashMap<>();
  private final Map<String, Instant> tokens = new HashMap<>();
  private final Set<String> applications = new java.util.HashSet<>();
  private long nextDeviceId = 14051;

  private FakeDomoticz(Clock clock, String user, String password) {
    this.clock = clock;
    this.user = user;
    this.password = password;
    if (user != null) {
      // The secrets audit looks for the password and the forms it travels in; a password shorter
      // than TestSecrets.MIN_LENGTH is found only through these forms.
      TestSecrets.add(password);
      TestSecrets.add(Authenticator.md5Hex(password));
      TestSecrets.add(Credentials.basic(user, password).substring("Basic ".length()));
    }
  }

  /** Returns a fake that trusts every client, like a Domoticz with a trusted network. */
  public static FakeDomoticz trustedNetwork(Clock clock) {
    return new FakeDomoticz(clock, null, null);
  }

  /** Returns a fake that requires the credentials of {@code user} on every request. */
  public static FakeDomoticz withUser(String user, String password, Clock clock) {
    return new FakeDomoticz(clock, user, password);
  }

  /** Sets the version text that {@code getversion} returns, such as {@code "2023.1"}. */
  public synchronized FakeDomoticz version(String text) {
    this.version = DomoticzVersion.parse(text);
    this.versionText = text;
    return this;
  }

  /** Accepts HTTP Basic authentication over plain HTTP, like {@code AllowPlainBasicAuth=1}. */
  public synchronized FakeDomoticz allowPlainBasicAuth(boolean allow) {
    this.allowPlainBasicAuth = allow;
    return this;
  }

  /** Registers an OAuth2 application (not public, secret stored as md5) named {@code clientId}. */
  public synchronized FakeDomoticz registerApplication(String clientId) {
    applications.add(clientId);
    return this;
  }

  /** Makes every {@code json.htm} request get an HTML login page, as behind a sign-in proxy. */
  public synchronized FakeDomoticz loginPage(boolean enabled) {
    this.loginPage = enabled;
    return this;
  }

  /** Sets the short-log retention {@code ShortLogDays} (1 by default, 1 to 7 in Domoticz). */
  public synchronized FakeDomoticz shortLogDays(int days) {
    this.shortLogDays = days;
    return this;
  }

  /** Ends every session, as when Domoticz restarts or a session times out. */
  public synchronized void expireSessions() {
    sessions.clear();
    tokens.clear();
  }

  /** Returns the hardware names by idx. */
  public synchronized Map<Long, String> hardware() {
    return Map.copyOf(hardwareNames);
  }

  /** Returns the devices by idx. */
  public synchronized Map<Long, FakeDevice> devices() {
    return Collections.unmodifiableMap(new TreeMap<>(devices));
  }

  /** Returns the log lines as {@code level:message}, such as {@code 4:Linky: failed}. */
  public synchronized List<String> logMessages() {
    return List.copyOf(logMessages);
  }

  /** Returns the URL of every request received, in order. */
  public synchronized List<HttpUrl> requests() {
    return List.copyOf(requests);
  }

  /** Creates a device directly, as a user or another program would have. */
  public synchronized FakeDevice addDevice(long hardwareIdx, String name, int type, int subType) {
    long idx = devices.isEmpty() ? 1 : Collections.max(devices.keySet()) + 1;
    FakeDevice device =
        new FakeDevice(
            idx,
            Long.toString(nextDeviceId++),
            name,
            hardwareIdx,
            type,
            subType,
            type == 250 ? "0;0;0;0;0;0" : "0",
            now());
    devices.put(idx, device);
    return device;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    requests.add(url);
    purgeShortLog();
    String path = url.encodedPath();
    if (path.endsWith("/oauth2/v1/token")) {
      return token(request);
    }
    if (!path.endsWith("/json.htm")) {
      return new MockResponse().setResponseCode(404);
    }
    if (loginPage) {
      return new MockResponse()
          .setHeader("Content-Type", "text/html;charset=UTF-8")
          .setBody(
              "<html><head><title>Sign in</title></head><body><form>login</form></body>"
                  + "</html>");
    }
    Map<String, String> query = parameters(request);
    String command = commandName(query);
    if (command == null) {
      return Recorded.of("old-style-type-devices-404.json").toResponse();
    }
    return authenticatedDispatch(request, command, query);
  }

  private MockResponse authenticatedDispatch(
      RecordedRequest request, String command, Map<String, String> query) {
    if (command.equals("logincheck")) {
      return login(query);
    }
    Authentication authentication = authenticate(request);
    if (authentication == Authentication.REJECTED) {
      return Recorded.of("auth-401-no-credentials.json").toResponse();
    }
    if (command.equals("getversion")) {
      return authentication == Authentication.ANONYMOUS
          ? Recorded.of("getversion-no-credentials.json").toResponse()
          : versionResponse();
    }
    if (authentication == Authentication.ANONYMOUS) {
      return Recorded.of("auth-401-no-credentials.json").toResponse();
    }
    return handle(command, query, request);
  }

  /** Returns the command name, or null when this version rejects the form with HTTP 404. */
  private String commandName(Map<String, String> query) {
    String type = query.getOrDefault("type", "");
    if (type.equals("command")) {
      String param = query.getOrDefault("param", "");
      boolean renamedYet = version.compareTo(DomoticzVersion.of(2023, 1)) > 0;
      return renamedYet || !NEW_NAMES.containsValue(param) ? param : "unknown";
    }
    boolean oldFormsWork = version.compareTo(DomoticzVersion.of(2024, 7)) <= 0;
    return oldFormsWork ? NEW_NAMES.get(type) : null;
  }

  private MockResponse handle(String command, Map<String, String> query, RecordedRequest request) {
    switch (command) {
      case "gethardware":
        return hardwareList();
      case "addhardware":
        return addHardware(query);
      case "getdevices":
        return deviceList(query);
      case "createdevice":
        return createDevice(query);
      case "setused":
        return setUsed(query);
      case "udevice":
        return updateDevice(query);
      case "graph":
        return FakeGraphs.graph(devices.get(longOrNull(query.get("idx"))), query, today());
      case "getsettings":
        return settings();
      case "addlogmessage":
        return addLogMessage(query);
      case "dologout":
        sessions.remove(cookie(request));
        return Recorded.of("dologout-session-cookie.json").toResponse();
      default:
        return Recorded.of("unknown-param.json").toResponse();
    }
  }

  // ---------------------------------------------------------------- authentication

  private enum Authentication {
    ANONYMOUS,
    ACCEPTED,
    REJECTED
  }

  private Authentication authenticate(RecordedRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.startsWith("Basic ")) {
      boolean valid = user != null && authorization.equals(Credentials.basic(user, password));
      return valid && allowPlainBasicAuth ? Authentication.ACCEPTED : Authentication.REJECTED;
    }
    if (authorization != null && authorization.startsWith("Bearer ")) {
      Instant expiry = tokens.get(authorization.substring(7));
      return expiry != null && clock.instant().isBefore(expiry)
          ? Authentication.ACCEPTED
          : Authentication.REJECTED;
    }
    String session = cookie(request);
    if (session != null) {
      Instant expiry = sessions.get(session);
      if (expiry == null || !clock.instant().isBefore(expiry)) {
        return Authentication.REJECTED;
      }
      sessions.put(session, clock.instant().plus(SESSION_LIFETIME));
      return Authentication.ACCEPTED;
    }
    return user == null ? Authentication.ACCEPTED : Authentication.ANONYMOUS;
  }

  private static String cookie(RecordedRequest request) {
    String header = request.getHeader("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith("DMZSID=")) {
        return trimmed.substring(7);
      }
    }
    return null;
  }

  private MockResponse login(Map<String, String> query) {
    String name = decodeBase64(query.getOrDefault("username", ""));
    boolean valid =
        user != null
            && user.equals(name)
            && Authenticator.md5Hex(password).equals(query.get("password"));
    if (!valid) {
      return Recorded.of("logincheck-wrong-password.json").toResponse();
    }
    String session = TestSecrets.add(UUID.randomUUID().toString().replace("-", ""));
    sessions.put(session, clock.instant().plus(SESSION_LIFETIME));
    Map<String, Object> body = Recorded.of("logincheck-ok.json").bodyJson();
    body.put("user", user);
    body.put("version", versionText);
    return json(body)
        .setHeader("Set-Cookie", "DMZSID=" + session + "; HttpOnly; SameSite=strict; path=/");
  }

  private MockResponse token(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return Recorded.of("oauth2-token-get-method.json").toResponse();
    }
    Map<String, String> form = parameters(request);
    String authorization = request.getHeader("Authorization");
    boolean userValid =
        user != null
            && authorization != null
            && authorization.equals(Credentials.basic(user, password));
    if (!applications.contains(form.get("client_id")) || !userValid) {
      return Recorded.of("oauth2-token-invalid-client.json").toResponse();
    }
    if (!"password".equals(form.get("grant_type"))) {
      return Recorded.of("oauth2-token-unsupported-grant.json").toResponse();
    }
    String token = TestSecrets.add("eyJ" + UUID.randomUUID().toString().replace("-", ""));
    tokens.put(token, clock.instant().plusSeconds(TOKEN_SECONDS));
    Map<String, Object> body = Recorded.of("oauth2-token-password-grant.json").bodyJson();
    body.put("access_token", token);
    return json(body);
  }

  // ---------------------------------------------------------------- commands

  private MockResponse versionResponse() {
    Map<String, Object> body = Recorded.of("getversion.json").bodyJson();
    body.put("version", versionText);
    return json(body);
  }

  private MockResponse hardwareList() {
    Map<String, Object> body = Recorded.of("gethardware-empty.json").bodyJson();
    if (!hardwareNames.isEmpty()) {
      Map<String, Object> template = firstResult(Recorded.of("gethardware.json"));
      List<Object> result = new ArrayList<>();
      hardwareNames.forEach(
          (idx, name) -> {
            Map<String, Object> entry = new TreeMap<>(template);
            entry.put("idx", Long.toString(idx));
            entry.put("Name", name);
            result.add(entry);
          });
      body.put("result", result);
    }
    return json(body);
  }

  private MockResponse addHardware(Map<String, String> query) {
    String name = query.get("name");
    if (name == null || name.isEmpty() || !"15".equals(query.get("htype"))) {
      // NOTE: the fake supports only the Dummy hardware type.
      return err("AddHardware");
    }
    long idx = hardwareNames.isEmpty() ? 2 : Collections.max(hardwareNames.keySet()) + 1;
    hardwareNames.put(idx, name);
    Map<String, Object> body = Recorded.of("addhardware-dummy.json").bodyJson();
    body.put("idx", Long.toString(idx));
    return json(body);
  }

  private MockResponse deviceList(Map<String, String> query) {
    Map<String, Object> body = Recorded.of("getdevices-unknown-rid.json").bodyJson();
    body.put("ActTime", clock.instant().getEpochSecond());
    body.put("app_version", versionText);
    String used = query.getOrDefault("used", "all");
    List<Object> result = new ArrayList<>();
    for (FakeDevice device : devices.values()) {
      if (query.containsKey("rid") && !query.get("rid").equals(Long.toString(device.idx))) {
        continue;
      }
      if (query.containsKey("hwidx")
          && !query.get("hwidx").equals(Long.toString(device.hardwareIdx))) {
        continue;
      }
      if (used.equals("false")) {
        continue; // Every device of the fake is used: setused&used=false deletes it.
      }
      result.add(FakeGraphs.deviceJson(device, hardwareNames.getOrDefault(device.hardwareIdx, "")));
    }
    if (!result.isEmpty()) {
      body.put("result", result);
    }
    return json(body);
  }

  private MockResponse createDevice(Map<String, String> query) {
    Long hardware = longOrNull(query.get("idx"));
    String name = query.get("sensorname");
    int[] type = deviceType(query);
    if (hardware == null || name == null || type == null) {
      return Recorded.of("createdevice-missing-type-err.json").toResponse();
    }
    // Like the real server, an unknown hardware idx still creates an orphan device.
    FakeDevice device = addDevice(hardware, name, type[0], type[1]);
    Map<String, Object> body = Recorded.of("createdevice-p1.json").bodyJson();
    body.put("idx", Long.toString(device.idx));
    return json(body);
  }

  private static int[] deviceType(Map<String, String> query) {
    String mapped = query.get("sensormappedtype");
    if (mapped != null) {
      int value = Integer.decode(mapped);
      return new int[] {value >> 8, value & 0xff};
    }
    Long type = longOrNull(query.get("devicetype"));
    Long subType = longOrNull(query.get("devicesubtype"));
    return type == null || subType == null ? null : new int[] {type.intValue(), subType.intValue()};
  }

  private MockResponse setUsed(Map<String, String> query) {
    FakeDevice device = devices.get(longOrNull(query.get("idx")));
    if (device == null) {
      return Recorded.of("setused-true-again.json").toResponse();
    }
    if (!"true".equals(query.get("used"))) {
      // The real server deletes the device and all of its history here.
      devices.remove(device.idx);
      return Recorded.of("setused-false.json").toResponse();
    }
    if (query.containsKey("name")) {
      device.name = query.get("name");
    }
    if (query.containsKey("options")) {
      device.options.clear();
      String plain = decodeBase64(query.get("options"));
      for (String option : plain.split(";")) {
        int colon = option.indexOf(':');
        if (colon > 0) {
          device.options.put(option.substring(0, colon), option.substring(colon + 1));
        }
      }
    }
    return Recorded.of("setused-history-options.json").toResponse();
  }

  private MockResponse updateDevice(Map<String, String> query) {
    FakeDevice device = devices.get(longOrNull(query.get("idx")));
    String sValue = query.get("svalue");
    if (device == null || sValue == null) {
      return Recorded.of("udevice-unknown-idx-err.json").toResponse();
    }
    String[] fields = sValue.split(";", -1);
    boolean dated = fields.length == 7 || fields.length == 11;
    int numeric = dated ? fields.length - 1 : fields.length;
    long[] values = new long[numeric];
    for (int i = 0; i < numeric; i++) {
      if (!NUMBER.matcher(fields[i]).matches()) {
        return Recorded.of("udevice-non-numeric-err.json").toResponse();
      }
      // Domoticz reads the numbers with std::stoll: fractions are cut off, negatives become 0.
      values[i] = Math.max(0, (long) Double.parseDouble(fields[i]));
    }
    if (device.insertsHistory() && dated) {
      return insertHistory(device, values, fields[fields.length - 1], sValue);
    }
    if (device.insertsHistory() && version.isRelease(DomoticzVersion.BROKEN_HISTORY)) {
      return Recorded.of("udevice-unknown-idx-err.json").toResponse();
    }
    device.sValue = sValue;
    device.lastUpdate = now();
    return Recorded.of("udevice-p1-current-value.json").toResponse();
  }

  private MockResponse insertHistory(FakeDevice device, long[] values, String date, String sValue) {
    if (version.isRelease(DomoticzVersion.BROKEN_HISTORY)) {
      device.sValue = sValue; // 2023.2 also wrote the dated text into the dashboard value.
    }
    LocalDateTime time = parse(date, SQL_TIME);
    LocalDate day = date.length() == 10 ? parseDate(date) : null;
    if (time != null) {
      device.shortLog.put(time, java.util.Arrays.copyOf(values, 6));
    } else if (day != null) {
      long[] row = java.util.Arrays.copyOf(values, 10);
      device.dayRows.put(day, new FakeDevice.DayRow(row));
    }
    // Domoticz only logs a bad date and still returns OK.
    return Recorded.of("udevice-p1-day-row.json").toResponse();
  }

  private MockResponse settings() {
    Map<String, Object> body = Recorded.of("getsettings.json").bodyJson();
    body.put("ShortLogDays", shortLogDays);
    return json(body);
  }

  private MockResponse addLogMessage(Map<String, String> query) {
    String message = query.get("message");
    if (message == null || message.isEmpty()) {
      return Recorded.of("addlogmessage-no-message.json").toResponse();
    }
    String level = query.getOrDefault("level", "2");
    Map<String, String> levels =
        Map.of("1", "1", "normal", "1", "2", "2", "status", "2", "4", "4", "error", "4");
    if (!levels.containsKey(level)) {
      return Recorded.of("addlogmessage-invalid-level-err.json").toResponse();
    }
    logMessages.add(levels.get(level) + ":" + message);
    return Recorded.of("addlogmessage.json").toResponse();
  }

  // ---------------------------------------------------------------- helpers

  /** Deletes short-log samples older than the retention, as Domoticz does every interval. */
  private void purgeShortLog() {
    // NOTE: Domoticz purges once per short-log interval (5 minutes), the fake before every
    // request, so tests see the purge at once.
    LocalDateTime oldest = now().minusDays(shortLogDays);
    for (FakeDevice device : devices.values()) {
      device.shortLog.headMap(oldest, false).clear();
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static LocalDateTime parse(String text, DateTimeFormatter format) {
    try {
      return text.length() == 19 ? LocalDateTime.parse(text, format) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text, SQL_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns the query parameters, and for a form POST the body fields too, decoded once. */
  private static Map<String, String> parameters(RecordedRequest request) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    HttpUrl url = request.getRequestUrl();
    for (String name : url.queryParameterNames()) {
      parameters.put(name, url.queryParameter(name));
    }
    String type = request.getHeader("Content-Type");
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      HttpUrl form =
          HttpUrl.get(
              "http://form/?" + request.getBody().clone().readString(StandardCharsets.UTF_8));
      for (String name : form.queryParameterNames()) {
        parameters.put(name, form.queryParameter(name));
      }
    }
    return parameters;
  }

  private static String decodeBase64(String text) {
    try {
      return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static Long longOrNull(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked") // The recorded lists hold JSON objects.
  private static Map<String, Object> firstResult(Recorded recorded) {
    return (Map<String, Object>) ((List<Object>) recorded.bodyJson().get("result")).get(0);
  }

  static MockResponse json(Map<String, Object> body) {
    return new MockResponse()
        .setHeader("Content-Type", "application/json;charset=UTF-8")
        .setHeader("Cache-Control", "no-cache")
        .setBody(JSON.toJson(wholeNumbers("", body)) + "\n");
  }

  /**
   * Returns {@code value} with its keys sorted and whole numbers as integers, because Moshi reads
   * every recorded number as a double but Domoticz writes {@code "Type" : 15}. Dividers and
   * adjustments stay doubles, as Domoticz writes {@code 1000.0}.
   */
  @SuppressWarnings("unchecked") // JSON values are maps, lists, strings, numbers or booleans.
  private static Object wholeNumbers(String key, Object value) {
    if (value instanceof Map) {
      Map<String, Object> sorted = new TreeMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> sorted.put(k, wholeNumbers(k, v)));
      return sorted;
    }
    if (value instanceof List) {
      List<Object> list = new ArrayList<>();
      ((List<Object>) value).forEach(v -> list.add(wholeNumbers(key, v)));
      return list;
    }
    boolean keepsFraction = key.contains("Divider") || key.startsWith("Addj");
    if (value instanceof Double && !keepsFraction) {
      double number = (Double) value;
      if (number == Math.rint(number)) {
        return (long) number;
      }
    }
    return value;
  }

  static MockResponse err(String title) {
    Map<String, Object> body = new TreeMap<>();
    body.put("status", "ERR");
    body.put("title", title);
    return json(body);
  }

  static Map<String, Object> parseJson(String text) {
    try {
      return MAP.fromJson(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
