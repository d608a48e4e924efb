package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the free-form and contract-form parsers. Each input must give either a schedule whose
 * canonical text parses back to an equal schedule, or an {@link OffPeakParseException} that points
 * at the offending token. Any other throwable fails the property.
 *
 * <p>The inputs are random strings over the characters of the syntax, and valid texts changed by
 * token insertions, deletions, swaps, digit changes, look-alike characters, huge numbers, odd white
 * space and repetition into long texts. Each property runs {@link #TRIES} inputs per build, with a
 * new random seed each time; jqwik prints the seed of a failure.
 */
class ParserFuzzProperties {
  /** Inputs per property and build. */
  static final int TRIES = 100_000;

  /** Valid free-form texts, as users write them. */
  private static final List<String> FREE_FORM_SEEDS =
      List.of(
          "22h00-6h00",
          "2h00-7h00 13h00-16h00",
          "2:00-7:00 13:00-16:00",
          "22h00-6h00 sa di fériés 0h-24h",
          "22h00-6h00 12h30-14h30 sa di fe 0h-24h",
          "2h00-7h00 13h00-16h00 mercredi 08h00-15h00 samedi 09h00-11h00 12h00-16h00",
          "2h00-7h00 13h00-16h00 me 08h00-15h00 sa 09h00-16h00",
          "12345678901234 1h00-6h00 12h00-14h00 88888888888888 13h00-16h00",
          "02h00-04h00 16h00-19h00 12345678901234 88888888888888 13h00-16h00",
          "02h00-04h00 16h00-19h00 P 17h00-22h00 mercredi 11h00-16h00 12345678901234"
              + " 88888888888888 13h00-16h00",
          "02h00-04h00 sa 00h00-23h59 di 00h00-23h59 fe 00h00-23h59",
          "alsace-moselle 22h-6h jours fériés 0h-24h",
          "mercredi de 8h à 10h et de 14h à 16h",
          "from 22:00 to 06:00 weekend 0h-24h",
          "lundi mardi 1h-2h bank holidays 3h-4h",
          "1h00-7h00 et 12h30-14h30, 22h_23h59; public holiday 0h-24h",
          "12 h - 14 h",
          "2h-7h me",
          "1h-2h prod 3h-4h",
          "HC (22H00-6H00;12H30-14H30)",
          "");

  /** Contract texts seen in Enedis contracts and public fixtures. */
  private static final List<String> CONTRACT_SEEDS =
      List.of(
          "HC (22H00-6H00)",
          "HC (23H30-7H30)",
          "HC (1H30-8H00;12H30-14H00)",
          "HC (0H50-6H50;14H20-16H20)",
          "HC (0H54-6H54;11H54-13H54)",
          "HC (23h00-7h30)",
          "HC (20H56-4H56)",
          " HC (22H00-6H00) ",
          "HC (2H00-7H00;12h30-14h00)",
          "HC (22H30-6H30), (13H00-15H00)",
          "HC (22h00-06h00),(12h00-14h00)",
          "HC (1H30-7H30;12H30-14H30)",
          "HC (2H26-7H56)",
          "HC ()",
          "");

  /** The characters of the syntax, with a few that it rejects. */
  private static final String ALPHABET =
      "0123456789hH:-_ ,;()àaAtoTOeEéÉpPcCdDfFiIjJlLmMnNrRsSuUvVwWbBk!.\t";

  /** Words and symbols of both forms, and near misses. */
  private static final List<String> DICTIONARY =
      List.of(
          "HC",
          "hc",
          "HP",
          "(",
          ")",
          ",",
          ";",
          "-",
          "_",
          "à",
          "a",
          "to",
          "et",
          "and",
          "de",
          "from",
          "P",
          "prod",
          "production",
          "pu",
          "lundi",
          "me",
          "mercredi",
          "sa",
          "di",
          "sam",
          "weekend",
          "week-end",
          "week",
          "fe",
          "férié",
          "jours",
          "fériés",
          "bank",
          "holiday",
          "public",
          "alsace-moselle",
          "alsace",
          "2h00",
          "7h",
          "24h00",
          "24:00",
          "0h00",
          "23h59",
          "12:30",
          "2 h",
          "25h",
          "2h5",
          "2:",
          "h",
          ":",
          "12345678901234",
          "88888888888888",
          "1234567890123",
          "123456789012345",
          "0",
          "00",
          "007");

  /**
   * Replacements of characters of the syntax by characters that look alike: Cyrillic, Greek and
   * fullwidth letters, other digits, dashes, combining accents and Unicode spaces.
   */
  private static final Map<Character, List<String>> LOOK_ALIKES =
      Map.ofEntries(
          Map.entry('H', List.of("Н", "Ｈ", "ℍ")),
          Map.entry('h', List.of("һ", "ｈ", "ℎ", "ʰ")),
          Map.entry('C', List.of("С", "Ｃ", "ℂ")),
          Map.entry('c', List.of("с", "ｃ")),
          Map.entry('a', List.of("а", "ａ", "á", "a\u0300")),
          Map.entry('e', List.of("е", "é", "e\u0301\u0301")),
          Map.entry('o', List.of("о", "ο", "0")),
          Map.entry('0', List.of("０", "٠", "O", "o")),
          Map.entry('1', List.of("１", "١", "l", "I", "¹")),
          Map.entry('2', List.of("２", "٢", "²", "𝟐")),
          Map.entry('6', List.of("６", "٦", "۶")),
          Map.entry(':', List.of("：", "∶", "꞉")),
          Map.entry('-', List.of("–", "—", "−", "‐", "－")),
          Map.entry('(', List.of("（", "[", "{")),
          Map.entry(')', List.of("）", "]", "}")),
          Map.entry(';', List.of("；", ";")),
          Map.entry(',', List.of("，", "‚")),
          Map.entry(' ', List.of("\u00a0", "\u2003", "\u3000", "\t", "\n", "\u200b", "\ufeff")));

  /**
   * Characters that editors insert unseen or that break naive code: a zero-width space, a byte
   * order mark, a lone combining accent, a supplementary character, lone surrogates and NUL.
   */
  private static final List<String> STRAY_CHARACTERS =
      List.of("\u200b", "\ufeff", "\u0301", "\ud83d\ude00", "\ud800", "\udc00", "\u0000", "ß");

  /** Splits a text into digit runs, letter runs, white-space runs and single other characters. */
  private static final Pattern PIECES = Pattern.compile("\\d+|\\p{L}+|\\s+|.", Pattern.DOTALL);

  /** The number of pieces up to which repetition grows a text, so that long inputs stay fast. */
  private static final int MAX_PIECES = 4_000;

  private int inputsChecked;

  @Property(
      tries = TRIES,
      generation = GenerationMode.RANDOMIZED,
      edgeCases = EdgeCasesMode.MIXIN,
      afterFailure = AfterFailureMode.SAMPLE_FIRST)
  void freeFormGivesScheduleOrParseError(@ForAll("freeFormInputs") String text) {
    checkParse(text, OffPeakSchedule::parse);
  }

  @Property(
      tries = TRIES,
      generation = GenerationMode.RANDOMIZED,
      edgeCases = EdgeCasesMode.MIXIN,
      afterFailure = AfterFailureMode.SAMPLE_FIRST)
  void contractFormGivesScheduleOrParseError(@ForAll("contractInputs") String text) {
    checkParse(text, OffPeakSchedule::parseContract);
    checkParse(text, OffPeakSchedule::parse);
  }

  /** Fails a property that ran fewer inputs than {@link #TRIES}, such as after a config change. */
  @AfterProperty
  void everyTryChecked() {
    assertThat(inputsChecked).as("inputs checked by this property").isGreaterThanOrEqualTo(TRIES);
  }

  private void checkParse(String text, Function<String, OffPeakSchedule> parser) {
    inputsChecked++;
    boolean parsed = checkOutcome(text, parser);
    Statistics.label("outcome").collect(parsed ? "schedule" : "parse error");
  }

  /**
   * Parses {@code text} and checks that the outcome is a schedule that survives the canonical round
   * trip, or a parse exception that points at the offending token.
   *
   * @return whether the text gave a schedule
   */
  static boolean checkOutcome(String text, Function<String, OffPeakSchedule> parser) {
    OffPeakSchedule schedule;
    try {
      schedule = parser.apply(text);
    } catch (OffPeakParseException exception) {
      checkPointsAtToken(text, exception);
      return false;
    }
    String canonical = schedule.toString();
    OffPeakSchedule reparsed = OffPeakSchedule.parse(canonical);

    assertThat(reparsed).as("schedule of canonical text %s", canonical).isEqualTo(schedule);
    assertThat(reparsed.toString()).isEqualTo(canonical);
    return true;
  }

  private static void checkPointsAtToken(String text, OffPeakParseException exception) {
    int index = exception.index();
    String token = exception.token();

    assertThat(exception.input()).isEqualTo(text);
    assertThat(exception.getMessage()).isNotBlank();
    assertThat(exception.getMessage()).contains(" at index " + index + " of off-peak hours ");
    assertThat(exception.hint()).isNotBlank();
    assertThat(index).isBetween(0, text.length());
    assertThat(text.startsWith(token, index)).as("token %s at index %s", token, index).isTrue();
    if (token.isEmpty()) {
      assertThat(index)
          .as("index of an empty token, which only the end of text has")
          .isEqualTo(text.length());
    }
  }

  @Provide
  Arbitrary<String> freeFormInputs() {
    Arbitrary<String> seeds =
        Arbitraries.oneOf(
            Arbitraries.of(FREE_FORM_SEEDS),
            new OffPeakScheduleProperties().schedules().map(OffPeakSchedule::toString));
    return Arbitraries.frequencyOf(
        Tuple.of(2, alphabetStrings()), Tuple.of(2, tokenSoup()), Tuple.of(6, mutated(seeds)));
  }

  @Provide
  Arbitrary<String> contractInputs() {
    Arbitrary<String> seeds = Arbitraries.oneOf(Arbitraries.of(CONTRACT_SEEDS), contracts());
    return Arbitraries.frequencyOf(
        Tuple.of(1, alphabetStrings().map(text -> "HC (" + text)),
        Tuple.of(1, tokenSoup().map(text -> "HC " + text)),
        Tuple.of(2, seeds),
        Tuple.of(6, mutated(seeds)));
  }

  private static Arbitrary<String> alphabetStrings() {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(40);
  }

  private static Arbitrary<String> tokenSoup() {
    Arbitrary<String> separators = Arbitraries.of("", " ", "  ", ", ", "-", ";");
    return Combinators.combine(Arbitraries.of(DICTIONARY).list().ofMaxSize(16), separators)
        .as((words, separator) -> String.join(separator, words));
  }

  /** Returns valid contract texts, with random ranges, case, padding and group layout. */
  private static Arbitrary<String> contracts() {
    Arbitrary<String> times =
        Combinators.combine(
                Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 59),
                Arbitraries.of("H", "h", ":"),
                Arbitraries.of(true, false))
            .as(
                (hour, minute, marker, padded) ->
                    (padded && hour < 10 ? "0" : "")
                        + hour
                        + marker
                        + (hour == 24 ? "00" : String.format("%02d", minute)));
    Arbitrary<String> ranges = Combinators.combine(times, times).as((from, to) -> from + "-" + to);
    Arbitrary<String> groups =
        ranges.list().ofMaxSize(3).map(list -> "(" + String.join(";", list) + ")");
    Arbitrary<String> commas = Arbitraries.of(", ", ",", " , ");
    return Combinators.combine(
            Arbitraries.of("HC ", "hc ", "HC", " HC  "),
            groups.list().ofMinSize(1).ofMaxSize(3),
            commas)
        .as((prefix, list, comma) -> prefix + String.join(comma, list));
  }

  /** Returns the seeds changed by one to three mutations. */
  private static Arbitrary<String> mutated(Arbitrary<String> seeds) {
    return Combinators.combine(seeds, mutations().list().ofMinSize(1).ofMaxSize(3))
        .as(ParserFuzzProperties::apply);
  }

  /** One change of a text's pieces; the numbers pick the pieces and characters. */
  record Mutation(MutationKind kind, int first, int second, String fragment) {}

  enum MutationKind {
    INSERT,
    DELETE,
    SWAP,
    DUPLICATE,
    REPLACE,
    CHANGE_DIGIT,
    LOOK_ALIKE,
    STRAY_CHARACTER,
    HUGE_NUMBER,
    SWAP_CASE,
    WHITE_SPACE,
    REPEAT
  }

  private static Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> indexes = Arbitraries.integers().between(0, 10_000);
    Arbitrary<String> fragments =
        Arbitraries.oneOf(
            Arbitraries.of(DICTIONARY),
            Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(4),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40));
    return Combinators.combine(Arbitraries.of(MutationKind.class), indexes, indexes, fragments)
        .as(Mutation::new);
  }

  static String apply(String seed, List<Mutation> mutations) {
    List<String> pieces = pieces(seed);
    for (Mutation mutation : mutations) {
      apply(pieces, mutation);
    }
    return String.join("", pieces);
  }

  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher matcher = PIECES.matcher(text);
    while (matcher.find()) {
      pieces.add(matcher.group());
    }
    return pieces;
  }

  private static void apply(List<String> pieces, Mutation mutation) {
    int size = pieces.size();
    if (mutation.kind() == MutationKind.INSERT || size == 0) {
      pieces.add(mutation.first() % (size + 1), mutation.fragment());
      return;
    }
    int at = mutation.first() % size;
    String piece = pieces.get(at);
    switch (mutation.kind()) {
      case DELETE -> pieces.remove(at);
      case SWAP -> {
        int other = mutation.second() % size;
        pieces.set(at, pieces.get(other));
        pieces.set(other, piece);
      }
      case DUPLICATE -> pieces.add(at, piece);
      case REPLACE -> pieces.set(at, mutation.fragment());
      case CHANGE_DIGIT -> pieces.set(at, changeDigit(piece, mutation.second()));
      case LOOK_ALIKE -> pieces.set(at, lookAlike(piece, mutation.second()));
      case STRAY_CHARACTER -> {
        String stray = STRAY_CHARACTERS.get(mutation.second() % STRAY_CHARACTERS.size());
        int offset = mutation.second() % (piece.length() + 1);
        pieces.set(at, piece.substring(0, offset) + stray + piece.substring(offset));
      }
      case HUGE_NUMBER -> pieces.set(at, hugeNumber(mutation.second()));
      case SWAP_CASE -> pieces.set(at, swapCase(piece));
      case WHITE_SPACE -> {
        List<String> spaces = LOOK_ALIKES.get(' ');
        pieces.add(at, spaces.get(mutation.second() % spaces.size()));
      }
      case REPEAT -> {
        List<String> copy = List.copyOf(pieces);
        int copies = mutation.second() % 100;
        for (int i = 0; i < copies && pieces.size() < MAX_PIECES; i++) {
          pieces.add(" ");
          pieces.addAll(copy);
        }
      }
      default -> throw new IllegalStateException("Unhandled mutation " + mutation.kind());
    }
  }

  private static String changeDigit(String piece, int choice) {
    char[] characters = piece.toCharArray();
    for (int i = 0; i < characters.length; i++) {
      int at = (choice + i) % characters.length;
      if (Character.isDigit(characters[at])) {
        characters[at] = (char) ('0' + (choice / 7) % 10);
        return new String(characters);
      }
    }
    return piece;
  }

  private static String lookAlike(String piece, int choice) {
    for (int i = 0; i < piece.length(); i++) {
      int at = (choice + i) % piece.length();
      List<String> replacements = LOOK_ALIKES.get(piece.charAt(at));
      if (replacements != null) {
        String replacement = replacements.get(choice % replacements.size());
        return piece.substring(0, at) + replacement + piece.substring(at + 1);
      }
    }
    return piece;
  }

  private static String hugeNumber(int choice) {
    return switch (choice % 5) {
      case 0 -> "2147483648";
      case 1 -> "9223372036854775808";
      case 2 -> "0".repeat(1 + choice % 50) + "1";
      case 3 -> "9".repeat(15 + choice % 500);
      default -> "1".repeat(14 + choice % 2);
    };
  }

  private static String swapCase(String piece) {
    StringBuilder swapped = new StringBuilder(piece.length());
    piece
        .codePoints()
        .forEach(
            c ->
                swapped.appendCodePoint(
                    Character.isUpperCase(c)
                        ? Character.toLowerCase(c)
                        : Character.toUpperCase(c)));
    return swapped.toString();
  }
}
