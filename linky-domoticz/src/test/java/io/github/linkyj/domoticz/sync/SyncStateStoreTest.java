package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateStoreTest {
  private static final String URL = "http://127.0.0.1:8080/";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T07:30:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;

  private SyncState sampleState() {
    LocalDate day = LocalDate.of(2026, 12, 3);
    DayEnergy energy =
        EnergyAggregator.paris()
            .aggregate(
                "11111111111111",
                new DirectionInput(
                    TestData.curve(day, 30, TestData::dayAndNight), List.of(), TestData.nights()),
                DirectionInput.EMPTY)
            .get(day);
    HistoryRows rows = HistoryRows.build(List.of(energy), day.plusDays(1), 1, Registers.ZERO);
    UsagePointState point =
        UsagePointState.empty("11111111111111")
            .withDaysWritten(List.of(DayStatistics.of(energy)), true)
            .withPeaks(List.of(new DailyPeak(LocalDateTime.of(2026, 12, 3, 7, 46), 1798)))
            .withShortLog(rows)
            .withAbsent(Direction.PRODUCTION, true);
    return SyncState.empty("http://127.0.0.1:8080", "Linky")
        .with(point)
        .with(UsagePointState.empty("22222222222222"))
        .withSuccess(
            Instant.parse("2026-12-04T07:31:00Z"),
            new SyncState.HistoryShape(730, 7, false),
            false,
            null)
        .withFailure()
        .withDebugLevel(DebugLevel.RESET_CACHE);
  }

  @Test
  void savedStateLoadsEqual() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    SyncState state = sampleState();

    store.save(state);
    SyncStateStore.Loaded loaded = store.load(URL, "Linky");

    assertThat(loaded.corruptFileMovedTo()).isEmpty();
    assertThat(loaded.state()).isEqualTo(state);
    assertThat(loaded.state().usagePoint("11111111111111").shortLogAnchor()).isPresent();
    assertThat(loaded.state().consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void unverifiedDaysSurviveReload() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    LocalDate day = LocalDate.of(2026, 12, 3);
    SyncState state = sampleState();
    UsagePointState point =
        state.usagePoint("11111111111111").withDaysUnverified(List.of(day.minusDays(1), day));
    state = state.with(point);

    store.save(state);
    UsagePointState loaded = store.load(URL, "Linky").state().usagePoint("11111111111111");

    assertThat(loaded).isEqualTo(point);
    assertThat(loaded.unverifiedDays().contains(day)).isTrue();
    assertThat(loaded.unverifiedDays().contains(day.minusDays(1))).isTrue();
    UsagePointState readBack = loaded.withDaysReadBack(List.of(day));
    assertThat(readBack.unverifiedDays().isEmpty()).isTrue();
    assertThat(readBack.writtenDays(Direction.CONSUMPTION).contains(day)).isFalse();
  }

  @Test
  void fileIsOwnerOnly() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    store.save(sampleState());

    Path file = store.file(URL, "Linky");
    assertThat(file.getFileName().toString()).startsWith("linky-sync-Linky-").endsWith(".json");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void killedSaveTempFileDeletedOnLoad() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    store.save(sampleState());
    Path file = store.file(URL, "Linky");
    Path unfinished = file.resolveSibling(file.getFileName() + ".4711.tmp");
    Files.writeString(unfinished, "{\"version\": 1, \"domoticzUrl");
    Path otherHardware = store.file(URL, "Other").resolveSibling("linky-sync-Other.json.42.tmp");
    Files.writeString(otherHardware, "{");

    SyncStateStore.Loaded loaded = store.load(URL, "Linky");

    assertThat(loaded.state()).isEqualTo(sampleState());
    assertThat(unfinished).doesNotExist();
    assertThat(otherHardware).exists();
  }

  @Test
  void missingFileGivesEmptyState() throws IOException {
    SyncStateStore.Loaded loaded = new SyncStateStore(directory, CLOCK).load(URL, "Linky");

    assertThat(loaded.state()).isEqualTo(SyncState.empty("http://127.0.0.1:8080", "Linky"));
    assertThat(loaded.corruptFileMovedTo()).isEmpty();
  }

  @Test
  void hardwaresHaveSeparateFiles() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);

    assertThat(store.file(URL, "Linky")).isNotEqualTo(store.file(URL, "Linky 2"));
    assertThat(store.file(URL, "Linky")).isNotEqualTo(store.file("http://other:8080", "Linky"));
    assertThat(store.file(URL, "Linky")).isEqualTo(store.file("http://127.0.0.1:8080", "Linky"));
  }

  @Test
  void corruptFileIsMovedAsideAndReset() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    Path file = store.file(URL, "Linky");
    Path neighbour = directory.resolve("tokens.json");
    Files.writeString(neighbour, "{\"keep\":true}");
    Files.writeString(
        file,
        "{\"version\":1,\"usagePoints\":{\"1\":{\"days\":[{\"day\":\"nope\"",
        StandardCharsets.UTF_8);

    SyncStateStore.Loaded loaded = store.load(URL, "Linky");

    assertThat(loaded.state()).isEqualTo(SyncState.empty("http://127.0.0.1:8080", "Linky"));
    assertThat(loaded.corruptFileMovedTo()).isPresent();
    Path aside = loaded.corruptFileMovedTo().get();
    assertThat(aside.getFileName().toString()).endsWith(".json.corrupt-2026-12-04T07-30");
    assertThat(Files.readString(aside)).startsWith("{\"version\":1");
    assertThat(file).doesNotExist();
    assertThat(Files.readString(neighbour)).isEqualTo("{\"keep\":true}");
  }

  @Test
  void invalidValuesCountAsCorrupt() throws IOException {
    SyncStateStore store = new SyncStateStore(directory, CLOCK);
    List<String> documents =
        List.of(
            "",
            "[]",
            "{\"version\":2,\"domoticzUrl\":\"http://127.0.0.1:8080\",\"hardwareName\":\"Linky\"}",
            "{\"version\":1,\"domoticzUrl\":\"http://elsewhere\",\"hardwareName\":\"Linky\"}",
            "{\"version\":1,\"domoticzUrl\":\"http://127.0.0.1:8080\",\"hardwareName\":\"Linky\","
                + "\"usagePoints\":{\"1\":{\"consumptionDays\":[\"2026-01-02/2026-01-01\"]}}}",
            "{\"version\":1,\"domoticzUrl\":\"http://127.0.0.1:8080\",\"hardwareName\":\"Linky\","
                + "\"usagePoints\":{\"1\":{\"days\":[{\"day\":\"2026-01-01\",\"energy\":[1,2]}]}}}",
            "{\"version\":1,\"domoticzUrl\":\"http://127.0.0.1:8080\",\"hardwareName\":\"Linky\","
                + "\"lastSuccessfulRun\":\"yesterday\"}");
    for (String document : documents) {
      Files.writeString(store.file(URL, "Linky"), document);

      SyncStateStore.Loaded loaded = store.load(URL, "Linky");

      assertThat(loaded.corruptFileMovedTo()).as(document).isPresent();
      assertThat(loaded.state().usagePoints()).as(document).isEmpty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(documents.size())
          .allMatch(name -> name.contains(".json.corrupt-2026-12-04T07-30"));
    }
  }
}
