package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncSettingsTest {
  @Test
  void defaultsMatchThePlugin() {
    SyncSettings settings = SyncSettings.defaults();

    assertThat(settings.offPeakSchedule()).isEmpty();
    assertThat(settings.offPeakFromContract()).isFalse();
    assertThat(settings.mainFigure()).hasToString("peak_day");
    assertThat(settings.secondaryFigure()).hasToString("value_day");
    assertThat(settings.hourlyViewDays()).isEqualTo(7);
    assertThat(settings.otherViewDays()).isEqualTo(7);
    assertThat(settings.debugLevel()).isEqualTo(DebugLevel.OFF);
    assertThat(settings.language()).isEqualTo(Language.ENGLISH);
    assertThat(settings.hardwareName()).isEqualTo("Linky");
  }

  @Test
  void pluginParametersAreRead() {
    SyncSettings settings =
        SyncSettings.fromPluginParameters(
            Map.of(
                "Mode1", "3",
                "Mode2", " 730 ",
                "Mode3", "12",
                "Mode4", " 22h00-6h00 ",
                "Mode5", "peak_lmonth",
                "Mode6", "mean_year"));

    assertThat(settings.hourlyViewDays()).isEqualTo(3);
    assertThat(settings.otherViewDays()).isEqualTo(730);
    assertThat(settings.debugLevel()).isEqualTo(DebugLevel.sandbox(2));
    assertThat(settings.offPeakSchedule()).isEqualTo("22h00-6h00");
    assertThat(settings.mainFigure()).isEqualTo(new MainFigure(Period.LAST_MONTH));
    assertThat(settings.secondaryFigure())
        .isEqualTo(new SecondaryFigure(Statistic.MEAN, Period.YEAR));
  }

  @Test
  void blankPluginParametersKeepDefaults() {
    SyncSettings settings =
        SyncSettings.fromPluginParameters(
            Map.of("Mode1", "", "Mode2", " ", "Mode3", "", "Mode5", "", "Mode6", ""));

    assertThat(settings).isEqualTo(SyncSettings.defaults());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mode1|8|Invalid hourly-view days 8: expected 0 to 7",
        "Mode1|-1|Invalid hourly-view days -1: expected 0 to 7",
        "Mode1|seven|Invalid Mode1 'seven': expected a whole number of days",
        "Mode2|1|Invalid other-view days 1: expected 2 to 730, or up to 1095 with the daily"
            + " endpoint for older days",
        "Mode2|731|Invalid other-view days 731: the load curve serves at most 730 days; lower it"
            + " or enable the daily endpoint for older days",
        "Mode3|5|Invalid debug level '5': expected 0 (off), 1 (simple), 2 (advanced), 3 (reset"
            + " consent), 4 (reset cache) or 10 to 19 (sandbox customer 0 to 9)",
        "Mode5|value_day|Invalid main dashboard figure 'value_day': expected peak_day, peak_cweek,"
            + " peak_lweek, peak_cmonth, peak_lmonth or peak_year",
        "Mode6|sum_day|Invalid secondary dashboard figure 'sum_day': expected value_, max_ or mean_"
            + " followed by day, cweek, lweek, cmonth, lmonth or year, such as value_day",
      })
  void invalidPluginParameterIsRejected(String parameter, String value, String message) {
    assertThatThrownBy(() -> SyncSettings.fromPluginParameters(Map.of(parameter, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void dailyEndpointAllowsThreeYears() {
    SyncSettings settings =
        SyncSettings.builder().dailyEndpointForOlderDays(true).otherViewDays(1095).build();

    assertThat(settings.otherViewDays()).isEqualTo(1095);
    assertThatThrownBy(() -> SyncSettings.builder().otherViewDays(1096))
        .hasMessage(
            "Invalid other-view days 1096: expected 2 to 730, or up to 1095 with the daily"
                + " endpoint for older days");
  }

  @Test
  void hourlyViewZeroIsAccepted() {
    assertThat(SyncSettings.builder().hourlyViewDays(0).build().hourlyViewDays()).isZero();
  }

  @Test
  void scheduleAndContractAreExclusive() {
    assertThatThrownBy(
            () ->
                SyncSettings.builder()
                    .offPeakSchedule("22h00-6h00")
                    .offPeakFromContract(true)
                    .build())
        .hasMessage(
            "Invalid off-peak settings: both the schedule '22h00-6h00' and 'from contract' are"
                + " set; keep one of them");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a\tb"})
  void invalidHardwareNameIsRejected(String name) {
    assertThatThrownBy(() -> SyncSettings.builder().hardwareName(name))
        .hasMessage(
            "Invalid hardware name '"
                + name
                + "': expected 1 to 100 printable characters, such as Linky");
  }

  @Test
  void allEighteenSecondaryFiguresRoundTrip() {
    assertThat(SecondaryFigure.all()).hasSize(18).doesNotHaveDuplicates();
    for (SecondaryFigure figure : SecondaryFigure.all()) {
      assertThat(SecondaryFigure.parse(figure.toString())).isEqualTo(figure);
    }
  }

  @Test
  void allSixMainFiguresRoundTrip() {
    for (Period period : Period.values()) {
      MainFigure figure = new MainFigure(period);
      assertThat(MainFigure.parse(figure.toString())).isEqualTo(figure);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0, OFF, false, false",
    "1, SIMPLE, true, false",
    "2, ADVANCED, true, true",
    "3, RESET_CONSENT, true, false",
    "4, RESET_CACHE, true, false",
    "10, SANDBOX, true, false",
    "19, SANDBOX, true, false"
  })
  void debugLevelsParse(String text, DebugLevel.Kind kind, boolean file, boolean domoticz) {
    DebugLevel level = DebugLevel.parsePluginValue(text);

    assertThat(level.kind()).isEqualTo(kind);
    assertThat(level.writesLogFile()).isEqualTo(file);
    assertThat(level.logsToDomoticz()).isEqualTo(domoticz);
    assertThat(level.pluginValue()).isEqualTo(Integer.parseInt(text));
  }

  @Test
  void sandboxCustomerOutOfRange() {
    assertThat(DebugLevel.parsePluginValue("19").sandboxCustomer()).isEqualTo(9);
    assertThatThrownBy(() -> DebugLevel.sandbox(10))
        .hasMessage("Invalid sandbox customer 10: expected 0 to 9");
  }

  @ParameterizedTest
  @CsvSource({"en, ENGLISH", "English, ENGLISH", "FR, FRENCH", "français, FRENCH"})
  void languagesParse(String text, Language language) {
    assertThat(Language.parse(text)).isEqualTo(language);
  }

  @Test
  void unknownLanguageIsRejected() {
    assertThatThrownBy(() -> Language.parse("de"))
        .hasMessage("Invalid language 'de': expected en (English) or fr (French)");
  }

  @Test
  void toBuilderKeepsEveryValue() {
    SyncSettings settings =
        SyncSettings.builder()
            .offPeakFromContract(true)
            .hourlyViewDays(2)
            .otherViewDays(900)
            .dailyEndpointForOlderDays(true)
            .language(Language.FRENCH)
            .hardwareName("Compteur")
            .debugLevel(DebugLevel.SIMPLE)
            .build();

    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(settings.toString()).contains("from contract", "900", "Compteur");
  }
}
