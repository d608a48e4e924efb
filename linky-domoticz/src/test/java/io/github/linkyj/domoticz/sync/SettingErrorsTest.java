package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.offpeak.OffPeakParseException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad setting value is rejected where it is set, with a message that names the setting, the
 * value and the accepted values.
 */
class SettingErrorsTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad(
            "main figure",
            b -> b.mainFigure(MainFigure.parse("peak_week")),
            "Invalid main dashboard figure 'peak_week': expected peak_day, peak_cweek, peak_lweek,"
                + " peak_cmonth, peak_lmonth or peak_year"),
        bad(
            "main figure of the secondary set",
            b -> b.mainFigure(MainFigure.parse("value_day")),
            "Invalid main dashboard figure 'value_day': expected peak_day, peak_cweek, peak_lweek,"
                + " peak_cmonth, peak_lmonth or peak_year"),
        bad(
            "secondary figure",
            b -> b.secondaryFigure(SecondaryFigure.parse("sum_day")),
            "Invalid secondary dashboard figure 'sum_day': expected value_, max_ or mean_ followed"
                + " by day, cweek, lweek, cmonth, lmonth or year, such as value_day"),
        bad(
            "secondary figure without period",
            b -> b.secondaryFigure(SecondaryFigure.parse("value_")),
            "Invalid secondary dashboard figure 'value_': expected value_, max_ or mean_ followed"
                + " by day, cweek, lweek, cmonth, lmonth or year, such as value_day"),
        bad(
            "hourly days above 7",
            b -> b.hourlyViewDays(8),
            "Invalid hourly-view days 8: expected 0 to 7"),
        bad(
            "hourly days below 0",
            b -> b.hourlyViewDays(-1),
            "Invalid hourly-view days -1: expected 0 to 7"),
        bad(
            "history days below 2",
            b -> b.otherViewDays(1),
            "Invalid other-view days 1: expected 2 to 730, or up to 1095 with the daily endpoint"
                + " for older days"),
        bad(
            "history days above 1095",
            b -> b.otherViewDays(1096),
            "Invalid other-view days 1096: expected 2 to 730, or up to 1095 with the daily"
                + " endpoint for older days"),
        bad(
            "history days above 730 from the curve",
            b -> b.otherViewDays(731).build(),
            "Invalid other-view days 731: the load curve serves at most 730 days; lower it or"
                + " enable the daily endpoint for older days"),
        bad(
            "blank hardware name",
            b -> b.hardwareName(" "),
            "Invalid hardware name ' ': expected 1 to 100 printable characters, such as Linky"),
        bad(
            "schedule and contract",
            b -> b.offPeakSchedule("22h-6h").offPeakFromContract(true).build(),
            "Invalid off-peak settings: both the schedule '22h-6h' and 'from contract' are set;"
                + " keep one of them"));
  }

  private static Arguments bad(
      String setting, Consumer<SyncSettings.Builder> change, String message) {
    return Arguments.of(setting, change, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValueRejectedWithMessage(
      String setting, Consumer<SyncSettings.Builder> change, String message) {
    SyncSettings.Builder builder = SyncSettings.builder();

    assertThatThrownBy(() -> change.accept(builder))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void malformedScheduleRejectedWhenSet() {
    SyncSettings.Builder builder = SyncSettings.builder();

    assertThatThrownBy(() -> builder.offPeakSchedule("22h-6h lundy 1h-2h"))
        .isInstanceOf(OffPeakParseException.class)
        .hasMessage(
            "Unknown word \"lundy\" at index 7 of off-peak hours \"22h-6h lundy 1h-2h\". Expected a"
                + " time range such as 22h00-06h00, a weekday such as mercredi or wed, a holiday"
                + " word such as férié or holiday, P for production, or a 14-digit usage point"
                + " id.");
  }

  @Test
  void malformedScheduleParameterRejected() {
    assertThatThrownBy(
            () -> SyncSettings.fromPluginParameters(java.util.Map.of("Mode4", "22h-25h")))
        .isInstanceOf(OffPeakParseException.class)
        .hasMessage(
            "Hour 25 is out of range at index 4 of off-peak hours \"22h-25h\". Expected an hour"
                + " from 0 to 24.");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"127.0.0.1:8080", "http//127.0.0.1:8080", "ftp://127.0.0.1/", "", "http://"})
  void malformedDomoticzUrlRejected(String url) {
    assertThatThrownBy(() -> DomoticzClient.builder(url))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid Domoticz URL '" + url + "': expected http://host:port or https://host/");
  }
}
