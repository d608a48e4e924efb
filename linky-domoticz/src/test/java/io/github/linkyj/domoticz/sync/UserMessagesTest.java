package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.UserMessage.Key;
import io.github.linkyj.domoticz.sync.UserMessage.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UserMessagesTest {
  private static final Instant NEXT = Instant.parse("2026-12-05T07:17:00Z");
  private static final UserMessages ENGLISH = UserMessages.of(Language.ENGLISH);
  private static final UserMessages FRENCH = UserMessages.of(Language.FRENCH);

  private static List<Function<UserMessages, UserMessage>> everyMessage() {
    UsagePointMerger.Pair pair = new UsagePointMerger.Pair("12345678901234", "10284856584123");
    return List.of(
        m -> m.consentRequired("https://consent.example/device", "TFEY-WPND"),
        m -> m.dashboardDataMissing("11111111111111"),
        m -> m.serversUnreachableAtNight(NEXT),
        m -> m.tooManyFailures(NEXT),
        m -> m.nextConnection(NEXT),
        UserMessages::completeHistory,
        UserMessages::shortHistory,
        m -> m.nextCompleteHistory(LocalDate.of(2027, 12, 4)),
        m -> m.processingUsagePoint("11111111111111"),
        m -> m.mergingUsagePoints(pair),
        m -> m.noDataInEitherDirection("11111111111111"),
        m -> m.debugLogFile(Path.of("/tmp/linky-Linky.log"), "Linky"),
        m -> m.stateReset(Path.of("/var/lib/linky/state.json.corrupt")),
        m -> m.shortLogRetention(1, 7),
        m -> m.historyNotStored("Linky 11111111111111", "2026-12-01 missing"),
        m -> m.contractOffPeakUnavailable("11111111111111", "no contract", false),
        m -> m.syncFailed("HTTP 500"),
        UserMessages::consentMissing);
  }

  @Test
  void everyKeyHasBothLanguages() {
    Set<Key> keys = EnumSet.noneOf(Key.class);
    for (Function<UserMessages, UserMessage> message : everyMessage()) {
      UserMessage english = message.apply(ENGLISH);
      UserMessage french = message.apply(FRENCH);
      keys.add(english.key());
      assertThat(french.key()).isEqualTo(english.key());
      assertThat(french.level()).isEqualTo(english.level());
      assertThat(french.text()).isNotEqualTo(english.text());
    }
    assertThat(keys).containsExactlyInAnyOrder(Key.values());
  }

  @Test
  void consentShowsUrlAndCodeAsError() {
    UserMessage message = ENGLISH.consentRequired("https://consent.example/device", "TFEY-WPND");

    assertThat(message.level()).isEqualTo(Level.ERROR);
    assertThat(message.text())
        .isEqualTo(
            "To let Enedis share your Linky data, open https://consent.example/device and enter"
                + " the code TFEY-WPND");
    assertThat(FRENCH.consentRequired("https://consent.example/device", "TFEY-WPND").text())
        .isEqualTo(
            "Pour autoriser Enedis à partager les données de votre Linky, ouvrez"
                + " https://consent.example/device et saisissez le code TFEY-WPND");
  }

  @Test
  void timesAreParisLocal() {
    assertThat(ENGLISH.serversUnreachableAtNight(NEXT).text())
        .isEqualTo(
            "Enedis servers are unreachable at this hour, next connection: 2026-12-05 08:17:00");
    assertThat(FRENCH.serversUnreachableAtNight(NEXT).text())
        .isEqualTo(
            "Serveurs d'Enedis inaccessibles à cette heure, prochaine connexion : 2026-12-05"
                + " 08:17:00");
    assertThat(FRENCH.nextConnection(NEXT).text())
        .isEqualTo("Prochaine connexion : 2026-12-05 08:17:00");
    assertThat(ENGLISH.tooManyFailures(NEXT).text())
        .isEqualTo(
            "Too many communication failures, will retry later (next connection: 2026-12-05 08:17:00)");
  }

  @Test
  void dashboardMessageNamesTheMeter() {
    assertThat(FRENCH.dashboardDataMissing("11111111111111").text())
        .isEqualTo(
            "Données manquantes pour mettre à jour le tableau de bord de 11111111111111 ; Enedis"
                + " les publie en général dans la journée");
    assertThat(ENGLISH.dashboardDataMissing("11111111111111").level()).isEqualTo(Level.STATUS);
  }

  @Test
  void mergeMessageNamesBothPoints() {
    UserMessage message =
        ENGLISH.mergingUsagePoints(new UsagePointMerger.Pair("12345678901234", "10284856584123"));

    assertThat(message.text())
        .isEqualTo(
            "Merging consumption usage point 12345678901234 and production usage point"
                + " 10284856584123 into the meter 12345678901234 / 10284856584123");
  }
}
