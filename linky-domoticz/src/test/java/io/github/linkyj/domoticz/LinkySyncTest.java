package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.Fault;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.domoticz.sync.Language;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.UserMessage;
import io.github.linkyj.domoticz.sync.UserMessage.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkySyncTest {
  private static final String HOUSE = "22516914714270";
  private static final String C = "12345678901234";
  private static final String P = "10284856584123";
  private static final String SOLAR = "24880057139941";
  private static final String REVOKED = "26584978546985";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  private static final LocalDate TODAY = MORNING.toLocalDate();

  @TempDir Path directory;
  private SyncFixture fixture;

  private SyncFixture start(UnaryOperator<EnedisSimulator.Builder> simulator) throws Exception {
    fixture = new SyncFixture(MORNING, directory, simulator);
    return fixture;
  }

  @AfterEach
  void close() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static SyncSettings.Builder settings(int days) {
    return SyncSettings.builder().otherViewDays(days).offPeakSchedule("22h00-6h00");
  }

  /** Counts the writes of each dated day row in the fake's request log. */
  private Map<LocalDate, Integer> dayRowWrites(String deviceName) {
    long idx = fixture.device(deviceName).idx();
    Map<LocalDate, Integer> writes = new TreeMap<>();
    for (var url : fixture.domoticz.domoticz().requests()) {
      String sValue = url.queryParameter("svalue");
      if ("udevice".equals(url.queryParameter("param"))
          && String.valueOf(idx).equals(url.queryParameter("idx"))
          && sValue != null) {
        String[] fields = sValue.split(";");
        String last = fields[fields.length - 1];
        if (last.length() == 10) {
          writes.merge(LocalDate.parse(last), 1, Integer::sum);
        }
      }
    }
    return writes;
  }

  @Test
  void warmRunWritesOnlyTheNewDay() throws Exception {
    start(b -> b.sandboxCustomer(0));
    DomoticzTarget target = fixture.target();
    LinkySync first = fixture.sync(settings(30).build(), List.of(HOUSE), target).build();
    assertThat(first.runOnce().outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    fixture.simulator.clearRequests();
    fixture.moveTo(MORNING.plusDays(1).plusMinutes(5));

    SyncReport report = first.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(fixture.simulator.requests())
        .filteredOn(r -> !r.path().contains("token"))
        .extracting(r -> r.path().replaceAll(".*/", "") + " " + r.query().get("start"))
        .containsExactly("consumption_load_curve " + TODAY, "daily_consumption_max_power " + TODAY);
    SyncReport.Meter meter = report.meter(HOUSE).orElseThrow();
    assertThat(meter.dayRows()).extracting(SyncReport.DayRow::date).containsExactly(TODAY);
    assertThat(meter.hourlyPoints()).hasSize(24);
    Map<LocalDate, Integer> writes = dayRowWrites("Linky " + HOUSE);
    assertThat(writes).hasSize(31);
    assertThat(writes.values()).containsOnly(1);
    assertThat(report.messages()).extracting(UserMessage::key).contains(Key.SHORT_HISTORY);
    assertThat(fixture.device("Linky " + HOUSE).sValue())
        .startsWith(meter.dayRows().get(0).usage1() + ";" + meter.dayRows().get(0).usage2() + ";");
  }

  @Test
  void restartResumesWithoutRewriting() throws Exception {
    start(b -> b.sandboxCustomer(0));
    DomoticzTarget target = fixture.target();
    LinkySync.Builder builder = fixture.sync(settings(730).build(), List.of(HOUSE), target);
    LinkySync[] first = new LinkySync[1];
    List<Integer> progress = new ArrayList<>();
    first[0] =
        builder
            .progress(
                (done, total, note) -> {
                  progress.add(done);
                  if (done == 40) {
                    first[0].stop();
                  }
                })
            .build();

    SyncReport stopped = first[0].runOnce();

    assertThat(stopped.outcome()).isEqualTo(SyncReport.Outcome.STOPPED);
    assertThat(progress).hasSize(40);
    assertThat(fixture.device("Linky " + HOUSE).dayRows()).hasSize(39 * 7 + 7);

    LinkySync second =
        fixture.sync(settings(730).build(), List.of(HOUSE), fixture.target()).build();
    SyncReport resumed = second.runOnce();

    assertThat(resumed.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    Map<LocalDate, Integer> writes = dayRowWrites("Linky " + HOUSE);
    assertThat(writes).hasSize(730);
    assertThat(writes.values()).containsOnly(1);
    assertThat(fixture.simulator.requestCount("consumption_load_curve")).isEqualTo(105);
    assertThat(fixture.domoticz.domoticz().devices()).hasSize(1);
  }

  @Test
  void mergedPairCarriesEveryDayOfBoth() throws Exception {
    start(b -> b.sandboxCustomer(3));
    DomoticzTarget target = fixture.target();
    LinkySync sync = fixture.sync(settings(14).build(), List.of(C, P), target).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    String merged = "Linky " + C + " / " + P;
    FakeDevice consumer = fixture.device("Linky " + C);
    FakeDevice producer = fixture.device("Linky " + P);
    FakeDevice pair = fixture.device(merged);
    assertThat(pair.dayRows()).hasSize(14);
    for (LocalDate day = TODAY.minusDays(14); day.isBefore(TODAY); day = day.plusDays(1)) {
      P1Energy c = consumer.dayRows().get(day).energy();
      P1Energy p = producer.dayRows().get(day).energy();
      assertThat(pair.dayRows().get(day).energy())
          .as(day.toString())
          .isEqualTo(new P1Energy(c.usage1(), c.usage2(), p.return1(), p.return2()));
      assertThat(p.return1() + p.return2()).isPositive();
      assertThat(c.return1() + c.return2()).isZero();
    }
    assertThat(report.meter(C + " / " + P).orElseThrow().usagePointIds()).containsExactly(C, P);
    assertThat(report.messages()).extracting(UserMessage::key).contains(Key.MERGING_USAGE_POINTS);
    String[] dashboard = pair.sValue().split(";");
    String[] yesterdayC = consumer.sValue().split(";");
    String[] yesterdayP = producer.sValue().split(";");
    assertThat(dashboard)
        .containsExactly(
            yesterdayC[0], yesterdayC[1], yesterdayP[2], yesterdayP[3], yesterdayC[4], "0");

    fixture.moveTo(MORNING.plusDays(1));
    SyncReport warm = sync.runOnce();
    assertThat(warm.meter(C + " / " + P).orElseThrow().dayRows())
        .extracting(SyncReport.DayRow::date)
        .containsExactly(TODAY);
    assertThat(dayRowWrites(merged).values()).containsOnly(1);
  }

  @Test
  void mergedPairSurvivesARestart() throws Exception {
    start(b -> b.sandboxCustomer(3));
    LinkySync[] first = new LinkySync[1];
    first[0] =
        fixture
            .sync(settings(30).build(), List.of(C, P), fixture.target())
            .progress(
                (done, total, note) -> {
                  if (note.startsWith(P)) {
                    first[0].stop();
                  }
                })
            .build();
    assertThat(first[0].runOnce().outcome()).isEqualTo(SyncReport.Outcome.STOPPED);
    // The second cycle finds the pair again from the state; it never saw the first cycle's days.
    assertThat(fixture.domoticz.domoticz().devices()).hasSize(2);

    SyncReport resumed =
        fixture.sync(settings(30).build(), List.of(C, P), fixture.target()).build().runOnce();

    assertThat(resumed.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    String merged = "Linky " + C + " / " + P;
    FakeDevice pair = fixture.device(merged);
    assertThat(pair.dayRows()).hasSize(30);
    assertThat(dayRowWrites(merged).values()).containsOnly(1);
    for (LocalDate day = TODAY.minusDays(30); day.isBefore(TODAY); day = day.plusDays(1)) {
      P1Energy c = fixture.device("Linky " + C).dayRows().get(day).energy();
      P1Energy p = fixture.device("Linky " + P).dayRows().get(day).energy();
      assertThat(pair.dayRows().get(day).energy())
          .as(day.toString())
          .isEqualTo(new P1Energy(c.usage1(), c.usage2(), p.return1(), p.return2()));
    }
  }

  @Test
  void productionOnlyMeterSkipsConsumption() throws Exception {
    start(b -> b.sandboxCustomer(5));
    LinkySync sync = fixture.sync(settings(7).build(), List.of(SOLAR), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(fixture.simulator.requestCount("consumption_load_curve")).isEqualTo(1);
    assertThat(fixture.simulator.requestCount("daily_consumption_max_power")).isZero();
    FakeDevice device = fixture.device("Linky " + SOLAR);
    assertThat(device.dayRows()).hasSize(7);
    assertThat(device.dayRows().values())
        .allSatisfy(row -> assertThat(row.energy().usage1() + row.energy().usage2()).isZero());
    String[] dashboard = device.sValue().split(";");
    assertThat(dashboard[0]).isEqualTo("0");
    assertThat(dashboard[4]).isEqualTo("0");

    fixture.simulator.clearRequests();
    fixture.moveTo(MORNING.plusDays(1));
    sync.runOnce();
    assertThat(fixture.simulator.requestCount("consumption")).isZero();
  }

  @Test
  void missingYesterdayKeepsTheDashboard() throws Exception {
    // Sandbox customer 4 has no data on Tuesdays and Wednesdays; 2026-12-02 is a Wednesday.
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 3, 9, 17), directory, b -> b.sandboxCustomer(4));
    String id = "42900589957123";
    RecordingTarget target = new RecordingTarget();

    SyncReport report = fixture.sync(settings(14).build(), List.of(id), target).build().runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    SyncReport.Meter meter = report.meter(id).orElseThrow();
    assertThat(meter.dashboard()).isEmpty();
    assertThat(meter.dashboardMissing()).isPresent();
    assertThat(target.currentValue(id)).isEmpty();
    assertThat(report.messages())
        .extracting(UserMessage::text)
        .contains(
            "Data missing to update the dashboard of "
                + id
                + "; Enedis usually publishes it within a day");
    assertThat(target.dayRows(id).keySet())
        .hasSize(10)
        .allSatisfy(
            day ->
                assertThat(day.getDayOfWeek())
                    .isNotIn(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY));
  }

  @Test
  void revokedConsentAsksForConsent() throws Exception {
    start(b -> b.sandboxCustomer(8));
    LinkySync sync = fixture.sync(settings(7).build(), List.of(REVOKED), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.CONSENT_REQUIRED);
    assertThat(report.messages()).extracting(UserMessage::key).contains(Key.CONSENT_MISSING);
    sync.send(sync.userMessages().consentRequired("https://consent.example/device", "TFEY-WPND"));
    assertThat(fixture.domoticz.domoticz().logMessages())
        .contains(
            "4:To let Enedis share your Linky data, open https://consent.example/device and enter"
                + " the code TFEY-WPND");
    assertThat(fixture.domoticz.domoticz().logMessages())
        .anySatisfy(
            line -> assertThat(line).startsWith("4:No valid consent to read the Linky data"));
    assertThat(report.nextRun()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void quotaWaitsForRetryTime() throws Exception {
    start(b -> b.sandboxCustomer(0));
    fixture.simulator.inject(Fault.tooManyRequests(Duration.ofHours(3)).always());
    LinkySync sync = fixture.sync(settings(7).build(), List.of(HOUSE), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.QUOTA_EXCEEDED);
    assertThat(report.nextRunReason()).isEqualTo(SchedulePolicy.Reason.QUOTA);
    assertThat(Duration.between(fixture.clock.instant(), report.nextRun()))
        .isBetween(Duration.ofMinutes(179), Duration.ofHours(3));
  }

  @Test
  void repeatedFailuresSayTooMany() throws Exception {
    start(b -> b.sandboxCustomer(0));
    fixture.simulator.inject(Fault.serviceUnavailable().always());
    LinkySync sync = fixture.sync(settings(7).build(), List.of(HOUSE), fixture.target()).build();

    SyncReport first = sync.runOnce();
    assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
    assertThat(first.nextRunReason()).isEqualTo(SchedulePolicy.Reason.RETRY);
    assertThat(first.nextRun()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(1)));
    fixture.clock.advance(Duration.ofHours(1));
    assertThat(sync.runOnce().nextRunReason()).isEqualTo(SchedulePolicy.Reason.RETRY);
    fixture.clock.advance(Duration.ofHours(1));
    SyncReport third = sync.runOnce();

    assertThat(third.nextRunReason()).isEqualTo(SchedulePolicy.Reason.TOO_MANY_FAILURES);
    assertThat(third.messages()).extracting(UserMessage::key).contains(Key.TOO_MANY_FAILURES);

    fixture.simulator.clearFaults();
    fixture.clock.advance(Duration.ofHours(1));
    assertThat(sync.runOnce().outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(dayRowWrites("Linky " + HOUSE).values()).containsOnly(1);
  }

  @Test
  void rejectedRowIsReportedByDate() throws Exception {
    start(b -> b.sandboxCustomer(0));
    DomoticzTarget target = fixture.target();
    LinkySync[] sync = new LinkySync[1];
    java.util.concurrent.atomic.AtomicBoolean edited =
        new java.util.concurrent.atomic.AtomicBoolean();
    sync[0] =
        fixture
            .sync(settings(14).hourlyViewDays(0).build(), List.of(HOUSE), target)
            .progress(
                (done, total, note) -> {
                  if (done == 1 && edited.compareAndSet(false, true)) {
                    // Editing the device in Domoticz drops its options: dated rows then go
                    // nowhere while Domoticz still returns OK.
                    fixture.device("Linky " + HOUSE).options.remove("AddDBLogEntry");
                  }
                })
            .build();

    SyncReport report = sync[0].runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.isClean()).isFalse();
    LocalDate oldest = TODAY.minusDays(14);
    String problem = report.meter(HOUSE).orElseThrow().problems().get(0);
    assertThat(problem).contains("Linky " + HOUSE).contains(oldest.toString());
    assertThat(problem).doesNotContain(TODAY.minusDays(1).toString() + ":");
    assertThat(report.messages()).extracting(UserMessage::key).contains(Key.HISTORY_NOT_STORED);
    assertThat(fixture.domoticz.domoticz().logMessages())
        .anySatisfy(line -> assertThat(line).startsWith("4:Domoticz did not store the history"));
    FakeDevice device = fixture.device("Linky " + HOUSE);
    assertThat(device.dayRows()).hasSize(7);

    // The next cycle sets the options again and writes the days in its window once more.
    fixture.moveTo(MORNING.plusDays(1));
    SyncReport next = sync[0].runOnce();

    assertThat(next.isClean()).isTrue();
    assertThat(next.meter(HOUSE).orElseThrow().dayRows())
        .extracting(SyncReport.DayRow::date)
        .containsExactly(
            TODAY.minusDays(13),
            TODAY.minusDays(12),
            TODAY.minusDays(11),
            TODAY.minusDays(10),
            TODAY.minusDays(9),
            TODAY.minusDays(8),
            TODAY);
    assertThat(device.dayRows()).hasSize(14).doesNotContainKey(oldest);
  }

  @Test
  void retentionWarningComesOnce() throws Exception {
    start(b -> b.sandboxCustomer(0));
    fixture.domoticz.domoticz().shortLogDays(1);
    LinkySync sync = fixture.sync(settings(7).build(), List.of(HOUSE), fixture.target()).build();

    SyncReport first = sync.runOnce();
    fixture.moveTo(MORNING.plusDays(1));
    SyncReport second = sync.runOnce();

    assertThat(first.messages()).extracting(UserMessage::key).contains(Key.SHORT_LOG_RETENTION);
    assertThat(second.messages())
        .extracting(UserMessage::key)
        .doesNotContain(Key.SHORT_LOG_RETENTION);
    assertThat(fixture.domoticz.domoticz().logMessages())
        .filteredOn(line -> line.contains("Short Log Sensors"))
        .containsExactly(
            "2:Domoticz keeps 1 day(s) of short log but the hourly view asks for 7: set Setup >"
                + " Settings > Log History > Short Log Sensors to 7 days or more");
  }

  @Test
  void retentionWarningLeavesSyncClean() throws Exception {
    start(b -> b.sandboxCustomer(0));
    fixture.domoticz.domoticz().shortLogDays(1);

    SyncReport report = runSeparately(settings(7).build());

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.problems()).isEmpty();
    assertThat(report.isClean()).isTrue();
    assertThat(report.messages())
        .filteredOn(message -> message.key() == Key.SHORT_LOG_RETENTION)
        .extracting(UserMessage::level)
        .containsExactly(UserMessage.Level.STATUS);
  }

  @Test
  void retentionWarningOncePerPairAcrossRuns() throws Exception {
    start(b -> b.sandboxCustomer(0));
    fixture.domoticz.domoticz().shortLogDays(1);

    SyncReport first = runSeparately(settings(7).build());
    fixture.moveTo(MORNING.plusDays(1));
    SyncReport second = runSeparately(settings(7).build());
    fixture.moveTo(MORNING.plusDays(2));
    SyncReport fewerHourlyDays = runSeparately(settings(7).hourlyViewDays(5).build());
    fixture.domoticz.domoticz().shortLogDays(2);
    fixture.moveTo(MORNING.plusDays(3));
    SyncReport longerRetention = runSeparately(settings(7).hourlyViewDays(5).build());
    fixture.moveTo(MORNING.plusDays(4));
    SyncReport unchanged = runSeparately(settings(7).hourlyViewDays(5).build());

    assertThat(retentionWarnings(first)).hasSize(1);
    assertThat(retentionWarnings(second)).isEmpty();
    assertThat(retentionWarnings(fewerHourlyDays)).hasSize(1);
    assertThat(retentionWarnings(longerRetention)).hasSize(1);
    assertThat(retentionWarnings(unchanged)).isEmpty();
    assertThat(fixture.domoticz.domoticz().logMessages())
        .filteredOn(line -> line.contains("Short Log Sensors"))
        .containsExactly(
            "2:Domoticz keeps 1 day(s) of short log but the hourly view asks for 7: set Setup >"
                + " Settings > Log History > Short Log Sensors to 7 days or more",
            "2:Domoticz keeps 1 day(s) of short log but the hourly view asks for 5: set Setup >"
                + " Settings > Log History > Short Log Sensors to 5 days or more",
            "2:Domoticz keeps 2 day(s) of short log but the hourly view asks for 5: set Setup >"
                + " Settings > Log History > Short Log Sensors to 5 days or more");
  }

  /** Runs one cycle with a new {@link LinkySync}, as each {@code linky sync} command does. */
  private SyncReport runSeparately(SyncSettings settings) {
    try (LinkySync sync = fixture.sync(settings, List.of(HOUSE), fixture.target()).build()) {
      return sync.runOnce();
    }
  }

  private static List<UserMessage> retentionWarnings(SyncReport report) {
    return report.messages().stream()
        .filter(message -> message.key() == Key.SHORT_LOG_RETENTION)
        .toList();
  }

  @Test
  void failedUsagePointGetsNoDevice() throws Exception {
    start(b -> b.sandboxCustomer(0));
    String outside = "99999999999999";

    SyncReport report =
        fixture.sync(settings(7).build(), List.of(outside), fixture.target()).build().runOnce();

    assertThat(report.outcome()).isNotEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.meters()).allSatisfy(meter -> assertThat(meter.dayRows()).isEmpty());
    assertThat(fixture.domoticz.domoticz().devices().values())
        .extracting(FakeDevice::name)
        .doesNotContain(P1Device.nameFor(outside));
  }

  @Test
  void messagesFollowTheLanguage() throws Exception {
    start(b -> b.sandboxCustomer(0));
    SyncSettings french = settings(7).language(Language.FRENCH).build();
    RecordingTarget target = new RecordingTarget();
    SyncReport report = fixture.sync(french, List.of(HOUSE), target).build().runOnce();

    assertThat(report.messages())
        .extracting(UserMessage::text)
        .contains("Traitement du point de livraison " + HOUSE)
        .anySatisfy(text -> assertThat(text).startsWith("Prochaine connexion : 2026-12-05 08:"));
    assertThat(target.messages())
        .extracting(RecordingTarget.LogEntry::message)
        .containsAll(report.messages().stream().map(UserMessage::text).toList());

    SyncReport english =
        fixture
            .sync(settings(7).build(), List.of(HOUSE), new RecordingTarget("memory:en", 7))
            .build()
            .runOnce();
    assertThat(english.messages())
        .extracting(UserMessage::text)
        .contains("Processing usage point " + HOUSE)
        .anySatisfy(text -> assertThat(text).startsWith("Next connection: 2026-12-05 08:"));
  }

  @Test
  void nightRunFetchesNothing() throws Exception {
    fixture = new SyncFixture(MORNING.withHour(23), directory, b -> b.sandboxCustomer(0));
    RecordingTarget target = new RecordingTarget();
    SyncReport report = fixture.sync(settings(7).build(), List.of(HOUSE), target).build().runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.NIGHT);
    assertThat(fixture.simulator.requests()).isEmpty();
    assertThat(report.nextRun())
        .isBetween(at(TODAY.plusDays(1).atTime(8, 0)), at(TODAY.plusDays(1).atTime(8, 59)));
    assertThat(target.messages())
        .extracting(RecordingTarget.LogEntry::message)
        .singleElement()
        .asString()
        .startsWith("Enedis servers are unreachable at this hour, next connection: 2026-12-05 08:");
  }

  @Test
  void contractGivesOffPeakHours() throws Exception {
    start(b -> b.sandboxCustomer(0));
    SyncSettings fromContract =
        SyncSettings.builder().otherViewDays(7).offPeakFromContract(true).build();
    RecordingTarget target = new RecordingTarget();

    SyncReport report = fixture.sync(fromContract, List.of(HOUSE), target).build().runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    MeteringData curve = fixture.client.consumptionLoadCurve(HOUSE, TODAY.minusDays(7), TODAY);
    Map<LocalDate, long[]> expected = new TreeMap<>();
    for (IntervalReading r : curve.intervals()) {
      int minute = r.start().getHour() * 60 + r.start().getMinute();
      boolean offPeak = minute >= 23 * 60 + 30 || minute < 7 * 60 + 30;
      expected.computeIfAbsent(r.day(), d -> new long[2])[offPeak ? 1 : 0] +=
          r.energy().wattMinutes();
    }
    expected.forEach(
        (day, wm) ->
            assertThat(target.dayRows(HOUSE).get(day))
                .as(day.toString())
                .isEqualTo(
                    new P1Energy(
                        Math.floorDiv(wm[0] + 30, 60), Math.floorDiv(wm[1] + 30, 60), 0, 0)));
  }

  @Test
  void gatewayFallsBackToSettings() throws Exception {
    start(b -> b.sandboxCustomer(0));
    io.github.linkyj.core.LinkyClient gateway =
        io.github.linkyj.core.LinkyClient.builder()
            .source(io.github.linkyj.core.DataSource.GATEWAY)
            .baseUrl(fixture.simulator.baseUrl())
            .tokenProvider(
                io.github.linkyj.core.auth.GatewayTokenProvider.of(
                    io.github.linkyj.core.auth.GatewayConfig.of(
                        fixture.simulator.baseUrl(), fixture.simulator.gatewayToken(HOUSE)),
                    fixture.clock))
            .clock(fixture.clock)
            .sleeper(fixture.clock::advance)
            .build();
    RecordingTarget target = new RecordingTarget();
    SyncReport report =
        fixture
            .sync(SyncSettings.builder().offPeakFromContract(true).build(), List.of(HOUSE), target)
            .client(gateway)
            .build()
            .runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.messages())
        .extracting(UserMessage::text)
        .contains(
            "No off-peak hours from the contract of usage point "
                + HOUSE
                + " (this data source serves no contract); every hour counts as peak; type the"
                + " off-peak hours in the settings instead");
    assertThat(target.dayRows(HOUSE).values()).allSatisfy(row -> assertThat(row.usage2()).isZero());
  }

  @Test
  void resetCacheRefetchesOnce() throws Exception {
    start(b -> b.sandboxCustomer(0));
    RecordingTarget target = new RecordingTarget();
    fixture.sync(settings(7).build(), List.of(HOUSE), target).build().runOnce();
    fixture.simulator.clearRequests();

    SyncSettings reset = settings(7).debugLevel(DebugLevel.RESET_CACHE).build();
    fixture.sync(reset, List.of(HOUSE), target).build().runOnce();
    long afterReset = fixture.simulator.requestCount("consumption_load_curve");
    fixture.sync(reset, List.of(HOUSE), target).build().runOnce();

    assertThat(afterReset).isEqualTo(1);
    assertThat(fixture.simulator.requestCount("consumption_load_curve")).isEqualTo(1);
    assertThat(target.dayRowWrites(HOUSE).values()).containsOnly(2);
  }

  @Test
  void consentResetRunsOnce() throws Exception {
    start(b -> b.sandboxCustomer(0));
    List<String> resets = new ArrayList<>();
    SyncSettings reset = settings(7).debugLevel(DebugLevel.RESET_CONSENT).build();
    LinkySync sync =
        fixture
            .sync(reset, List.of(HOUSE), new RecordingTarget())
            .consentReset(() -> resets.add("cleared"))
            .build();

    assertThat(sync.isConsentResetDue()).isTrue();
    sync.runOnce();
    sync.runOnce();

    assertThat(resets).containsExactly("cleared");
    assertThat(sync.isConsentResetDue()).isFalse();
    assertThat(
            fixture
                .sync(
                    settings(7).debugLevel(DebugLevel.sandbox(3)).build(),
                    List.of(HOUSE),
                    new RecordingTarget())
                .build()
                .sandboxCustomer())
        .contains(3);
  }

  @Test
  void debugFileHoldsNoSecret() throws Exception {
    start(b -> b.sandboxCustomer(0));
    SyncSettings advanced = settings(7).debugLevel(DebugLevel.ADVANCED).build();
    RecordingTarget target = new RecordingTarget();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    SyncReport report;
    try {
      fixture.simulator.inject(Fault.technicalError().onPath("load_curve"));
      report = fixture.sync(advanced, List.of(HOUSE), target).build().runOnce();
    } finally {
      System.setErr(original);
    }

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    Path file =
        Files.list(directory)
            .filter(p -> p.getFileName().toString().startsWith("linky-Linky-"))
            .findFirst()
            .orElseThrow();
    String debug = Files.readString(file);
    assertThat(debug).contains("Fetching CONSUMPTION LOAD_CURVE of " + HOUSE);
    assertThat(target.messages())
        .extracting(RecordingTarget.LogEntry::message)
        .anySatisfy(line -> assertThat(line).startsWith("Fetching CONSUMPTION LOAD_CURVE"));
    String secret = fixture.simulator.enedisClientSecret();
    String token = fixture.tokens.accessToken().value();
    String logs = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(logs).contains("Processing usage point " + HOUSE);
    for (String text : List.of(debug, logs, target.messages().toString(), report.toString())) {
      assertThat(text).doesNotContain(secret);
      assertThat(text).doesNotContain(token);
    }
  }

  @Test
  void clockChangeDaysHaveTheirHours() throws Exception {
    fixture =
        new SyncFixture(
            LocalDateTime.of(2026, 10, 26, 9, 17), directory, b -> b.sandboxCustomer(0));
    SyncReport autumn =
        fixture.sync(settings(7).build(), List.of(HOUSE), fixture.target()).build().runOnce();
    fixture.close();
    fixture =
        new SyncFixture(
            LocalDateTime.of(2026, 3, 30, 9, 17),
            directory.resolve("spring"),
            b -> b.sandboxCustomer(0));
    SyncReport spring =
        fixture.sync(settings(7).build(), List.of(HOUSE), fixture.target()).build().runOnce();

    assertThat(pointsOn(autumn, LocalDate.of(2026, 10, 25))).hasSize(25);
    assertThat(pointsOn(autumn, LocalDate.of(2026, 10, 24))).hasSize(24);
    assertThat(pointsOn(spring, LocalDate.of(2026, 3, 29))).hasSize(23);
    for (SyncReport report : List.of(autumn, spring)) {
      List<SyncReport.HourlyPoint> points = report.meter(HOUSE).orElseThrow().hourlyPoints();
      for (int i = 1; i < points.size(); i++) {
        P1Energy before = points.get(i - 1).counters();
        P1Energy after = points.get(i).counters();
        assertThat(after.usage1() + after.usage2())
            .as(points.get(i).end().toString())
            .isGreaterThan(before.usage1() + before.usage2());
      }
    }
    assertThat(spring.problems()).isEmpty();
  }

  private static List<SyncReport.HourlyPoint> pointsOn(SyncReport report, LocalDate day) {
    return report.meter(HOUSE).orElseThrow().hourlyPoints().stream()
        .filter(p -> p.end().isAfter(day.atStartOfDay()))
        .filter(p -> !p.end().isAfter(day.plusDays(1).atStartOfDay()))
        .toList();
  }

  private static Instant at(LocalDateTime time) {
    return time.atZone(SyncFixture.PARIS).toInstant();
  }
}
