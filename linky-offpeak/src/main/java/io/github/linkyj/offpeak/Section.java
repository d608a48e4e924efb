package io.github.linkyj.offpeak;

import java.util.StringJoiner;

/**
 * The plans of one section of a schedule.
 *
 * @param consumption the consumption plan
 * @param production the production plan, or null when production follows the consumption plan
 */
record Section(WeekPlan consumption, WeekPlan production) {
  static final Section NONE = new Section(WeekPlan.none(), null);

  WeekPlan plan(Direction direction) {
    return direction == Direction.PRODUCTION && production != null ? production : consumption;
  }

  /** Returns the section in the schedule syntax, such as {@code 02:00-04:00 P 17:00-22:00}. */
  String text() {
    StringJoiner text = new StringJoiner(" ");
    text.setEmptyValue("");
    String consumptionText = consumption.toString();
    if (!consumptionText.isEmpty()) {
      text.add(consumptionText);
    }
    if (production != null) {
      text.add("P");
      String productionText = production.toString();
      if (!productionText.isEmpty()) {
        text.add(productionText);
      }
    }
    return text.toString();
  }
}
