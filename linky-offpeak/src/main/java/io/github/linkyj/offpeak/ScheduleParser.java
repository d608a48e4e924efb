package io.github.linkyj.offpeak;

import io.github.linkyj.offpeak.Token.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses the free text form of an off-peak schedule, see {@link OffPeakSchedule#parse}. */
final class ScheduleParser {
  static final String ALSACE_MOSELLE = "alsace-moselle";

  private static final Set<String> CONNECTING_WORDS = Set.of("et", "and", "de", "from");
  private static final Set<String> PRODUCTION_WORDS = Set.of("p", "prod", "production");
  private static final String ANY_TOKEN =
      "a time range such as 22h00-06h00, a weekday such as mercredi or wed, a holiday word such as"
          + " férié or holiday, P for production, or a 14-digit usage point id";

  private final Lexer lexer;
  private final Map<String, Section> sections = new HashMap<>();
  private FrenchHolidays holidays = FrenchHolidays.metropolitan();
  private Section defaultSection;
  private SectionBuilder section = new SectionBuilder(null);

  ScheduleParser(Lexer lexer) {
    this.lexer = lexer;
  }

  OffPeakSchedule parse() {
    Token token = lexer.next();
    if (token.isWord("hc")) {
      return OffPeakSchedule.parseContract(lexer.input());
    }
    if (token.isWord(ALSACE_MOSELLE)) {
      holidays = FrenchHolidays.alsaceMoselle();
      token = lexer.next();
    }
    while (!token.is(Kind.END)) {
      token = accept(token);
    }
    finishSection();
    return new OffPeakSchedule(holidays, defaultSection, sections);
  }

  /** Handles one token and returns the next token to handle. */
  private Token accept(Token token) {
    switch (token.kind()) {
      case TIME:
        section.plan().addRange(RangeReader.read(lexer, token));
        return lexer.next();
      case NUMBER:
        startSection(token);
        return lexer.next();
      case WORD:
        return acceptWord(token);
      case PUNCTUATION:
        return lexer.next();
      case SEPARATOR:
        throw lexer.error(
            "Range separator \"" + token.text() + "\" has no start time",
            token,
            "a time range such as 22h00-06h00");
      case OPEN:
      case CLOSE:
        throw contractFormError(token);
      default:
        throw new IllegalStateException("Unhandled token " + token);
    }
  }

  private Token acceptWord(Token token) {
    String word = token.word();
    if (CONNECTING_WORDS.contains(word)) {
      return lexer.next();
    }
    if (PRODUCTION_WORDS.contains(word)) {
      section.startProduction(token);
      return lexer.next();
    }
    Set<DayType> days = DayWords.days(word);
    if (days != null) {
      section.plan().addDays(token, days);
      return lexer.next();
    }
    if (DayWords.startsHolidayName(word)) {
      return acceptHolidayName(token);
    }
    throw unknownWord(token);
  }

  private Token acceptHolidayName(Token first) {
    Token second = lexer.next();
    if (!second.is(Kind.WORD) || !DayWords.completesHolidayName(first.word(), second.word())) {
      String expected = DayWords.expectedAfter(first.word());
      throw lexer.error(
          "Word \"" + first.text() + "\" is not followed by \"" + expected + "\"",
          second,
          "\"" + expected + "\", as in \"" + first.text() + " " + expected + "\"");
    }
    section.plan().addDays(first, Set.of(DayType.HOLIDAY));
    return lexer.next();
  }

  private OffPeakParseException unknownWord(Token token) {
    String word = token.word();
    if (word.equals(ALSACE_MOSELLE)) {
      return lexer.error(
          "Word \"" + token.text() + "\" is not at the start of the text",
          token,
          "alsace-moselle as the first word only, because it applies to every usage point");
    }
    if (word.equals("hc")) {
      return contractFormError(token);
    }
    if (RangeReader.isSeparator(token)) {
      return lexer.error(
          "Range separator \"" + token.text() + "\" has no start time",
          token,
          "a time range such as 22h00-06h00");
    }
    return lexer.error("Unknown word \"" + token.text() + "\"", token, ANY_TOKEN);
  }

  private OffPeakParseException contractFormError(Token token) {
    return lexer.error(
        "Unexpected \"" + token.text() + "\" of the Enedis contract form",
        token,
        "the contract form such as HC (22H00-6H00;12H30-14H30) as the whole text, or " + ANY_TOKEN);
  }

  private void startSection(Token token) {
    String id = token.text();
    if (!OffPeakSchedule.isUsagePointId(id)) {
      throw lexer.error(
          "Number \"" + id + "\" is neither a time nor a usage point id",
          token,
          "a time such as 12h00 or 12:00, or a usage point id of 14 digits");
    }
    if (id.equals(section.usagePointId()) || sections.containsKey(id)) {
      throw lexer.error(
          "Usage point " + id + " has a second section",
          token,
          "each usage point id once; put all its ranges after its first occurrence");
    }
    finishSection();
    section = new SectionBuilder(id);
  }

  private void finishSection() {
    if (section.usagePointId() == null) {
      defaultSection = section.build();
    } else {
      sections.put(section.usagePointId(), section.build());
    }
  }

  /** Collects the plans of one section. */
  private final class SectionBuilder {
    private final String usagePointId;
    private final PlanBuilder consumption = new PlanBuilder();
    private PlanBuilder production;

    SectionBuilder(String usagePointId) {
      this.usagePointId = usagePointId;
    }

    String usagePointId() {
      return usagePointId;
    }

    PlanBuilder plan() {
      return production != null ? production : consumption;
    }

    void startProduction(Token token) {
      if (production != null) {
        throw lexer.error(
            "Second production word \"" + token.text() + "\" in one section",
            token,
            "one P per section; the ranges after it are the production plan");
      }
      production = new PlanBuilder();
    }

    Section build() {
      return new Section(consumption.build(), production == null ? null : production.build());
    }
  }

  /** Collects the lists of one plan, with the day words that the next ranges apply to. */
  private final class PlanBuilder {
    private final RangeList defaultRanges = new RangeList();
    private final Map<DayType, RangeList> ownRanges = new HashMap<>();
    private RangeList current = defaultRanges;

    void addDays(Token token, Set<DayType> days) {
      if (current == defaultRanges || !current.isEmpty()) {
        current = new RangeList();
      }
      for (DayType day : days) {
        if (ownRanges.containsKey(day)) {
          throw lexer.error(
              day.displayName() + " is named twice in one plan",
              token,
              "each day type once per plan, with all its ranges after it");
        }
        ownRanges.put(day, current);
      }
    }

    void addRange(TimeRange range) {
      current.add(range);
    }

    WeekPlan build() {
      WeekPlan plan = WeekPlan.of(DayRanges.of(defaultRanges));
      for (Map.Entry<DayType, RangeList> own : ownRanges.entrySet()) {
        plan = plan.with(own.getKey(), DayRanges.of(own.getValue()));
      }
      return plan;
    }
  }

  /** The ranges written after one group of day words, or before any day word. */
  private static final class RangeList extends java.util.ArrayList<TimeRange> {
    private static final long serialVersionUID = 1L;
  }
}
