package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.domoticz.sync.UserMessage.Key;
import io.github.linkyj.domoticz.sync.UserMessage.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Catalogue of the messages the sync shows to the user, in English or French. Times are shown as
 * {@code YYYY-MM-DD HH:MM:SS} in the zone given at creation. This class is immutable and
 * thread-safe.
 */
public final class UserMessages {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Language language;
  private final ZoneId zone;

  /** Creates the catalogue for {@code language}, with times in {@code zone}. */
  public UserMessages(Language language, ZoneId zone) {
    this.language = requireNonNull(language, "language");
    this.zone = requireNonNull(zone, "zone");
  }

  /** Returns the catalogue for {@code language}, with times in Europe/Paris. */
  public static UserMessages of(Language language) {
    return new UserMessages(language, ZoneId.of("Europe/Paris"));
  }

  /** Returns the request to open the consent page and type the user code. */
  public UserMessage consentRequired(String url, String userCode) {
    requireNonNull(url, "url");
    requireNonNull(userCode, "userCode");
    return message(
        Key.CONSENT_REQUIRED,
        Level.ERROR,
        "To let Enedis share your Linky data, open " + url + " and enter the code " + userCode,
        "Pour autoriser Enedis à partager les données de votre Linky, ouvrez "
            + url
            + " et saisissez le code "
            + userCode);
  }

  /** Returns the warning that the dashboard of a meter could not be updated. */
  public UserMessage dashboardDataMissing(String meterId) {
    requireNonNull(meterId, "meterId");
    return message(
        Key.DASHBOARD_DATA_MISSING,
        Level.STATUS,
        "Data missing to update the dashboard of "
            + meterId
            + "; Enedis usually publishes it within a day",
        "Données manquantes pour mettre à jour le tableau de bord de "
            + meterId
            + " ; Enedis les publie en général dans la journée");
  }

  /** Returns the notice that Enedis is not called at night, with the next connection. */
  public UserMessage serversUnreachableAtNight(Instant next) {
    String time = format(next);
    return message(
        Key.SERVERS_UNREACHABLE_AT_NIGHT,
        Level.STATUS,
        "Enedis servers are unreachable at this hour, next connection: " + time,
        "Serveurs d'Enedis inaccessibles à cette heure, prochaine connexion : " + time);
  }

  /** Returns the notice that several cycles in a row failed. */
  public UserMessage tooManyFailures(Instant next) {
    String time = format(next);
    return message(
        Key.TOO_MANY_FAILURES,
        Level.STATUS,
        "Too many communication failures, will retry later (next connection: " + time + ")",
        "Trop d'échecs de communication, nouvel essai plus tard (prochaine connexion : "
            + time
            + ")");
  }

  /** Returns the time of the next connection. */
  public UserMessage nextConnection(Instant next) {
    String time = format(next);
    return message(
        Key.NEXT_CONNECTION,
        Level.STATUS,
        "Next connection: " + time,
        "Prochaine connexion : " + time);
  }

  /** Returns the notice that this cycle fetches the complete history. */
  public UserMessage completeHistory() {
    return message(
        Key.COMPLETE_HISTORY,
        Level.STATUS,
        "Fetching the data with the complete history",
        "Récupération des données avec tout l'historique");
  }

  /** Returns the notice that this cycle fetches only the recent history. */
  public UserMessage shortHistory() {
    return message(
        Key.SHORT_HISTORY,
        Level.STATUS,
        "Fetching the data with the short history",
        "Récupération des données avec l'historique récent");
  }

  /** Returns the date of the next complete-history fetch. */
  public UserMessage nextCompleteHistory(LocalDate date) {
    requireNonNull(date, "date");
    return message(
        Key.NEXT_COMPLETE_HISTORY,
        Level.STATUS,
        "Next complete history fetch: " + date,
        "Prochaine récupération de tout l'historique : " + date);
  }

  /** Returns the notice that a usage point is being processed. */
  public UserMessage processingUsagePoint(String usagePointId) {
    requireNonNull(usagePointId, "usagePointId");
    return message(
        Key.PROCESSING_USAGE_POINT,
        Level.STATUS,
        "Processing usage point " + usagePointId,
        "Traitement du point de livraison " + usagePointId);
  }

  /** Returns the notice that two usage points are merged into one meter. */
  public UserMessage mergingUsagePoints(UsagePointMerger.Pair pair) {
    requireNonNull(pair, "pair");
    return message(
        Key.MERGING_USAGE_POINTS,
        Level.STATUS,
        "Merging consumption usage point "
            + pair.consumptionId()
            + " and production usage point "
            + pair.productionId()
            + " into the meter "
            + pair.mergedId(),
        "Fusion du point de livraison en consommation "
            + pair.consumptionId()
            + " et du point de livraison en production "
            + pair.productionId()
            + " dans le compteur "
            + pair.mergedId());
  }

  /** Returns the warning that a usage point has no data at all, with what to check. */
  public UserMessage noDataInEitherDirection(String usagePointId) {
    requireNonNull(usagePointId, "usagePointId");
    return message(
        Key.NO_DATA_IN_EITHER_DIRECTION,
        Level.STATUS,
        "No consumption or production data for usage point "
            + usagePointId
            + ": check that a meter is linked to your Enedis account and that the collection and"
            + " recording of hourly data are enabled (\"Gérer l'accès à mes données\" on the"
            + " Enedis site)",
        "Aucune donnée de consommation ni de production pour le point de livraison "
            + usagePointId
            + " : vérifiez qu'un compteur est associé à votre compte Enedis et que la collecte et"
            + " l'enregistrement des données horaires sont activés (« Gérer l'accès à mes"
            + " données » sur le site d'Enedis)");
  }

  /** Returns the path of the debug log file of a hardware. */
  public UserMessage debugLogFile(Path file, String hardwareName) {
    requireNonNull(file, "file");
    requireNonNull(hardwareName, "hardwareName");
    return message(
        Key.DEBUG_LOG_FILE,
        Level.STATUS,
        "Debug log of hardware " + hardwareName + " in " + file,
        "Journal de débogage du matériel " + hardwareName + " dans " + file);
  }

  /** Returns the warning that the stored sync state was unreadable and started again. */
  public UserMessage stateReset(Path movedTo) {
    requireNonNull(movedTo, "movedTo");
    return message(
        Key.STATE_RESET,
        Level.ERROR,
        "The saved sync state was unreadable and was moved to "
            + movedTo
            + "; the history will be fetched again",
        "L'état de synchronisation enregistré était illisible et a été déplacé vers "
            + movedTo
            + " ; l'historique va être récupéré à nouveau");
  }

  /** Returns the warning that Domoticz deletes hourly points sooner than the hourly view needs. */
  public UserMessage shortLogRetention(int keptDays, int hourlyViewDays) {
    return message(
        Key.SHORT_LOG_RETENTION,
        Level.STATUS,
        "Domoticz keeps "
            + keptDays
            + " day(s) of short log but the hourly view asks for "
            + hourlyViewDays
            + ": set Setup > Settings > Log History > Short Log Sensors to "
            + hourlyViewDays
            + " days or more",
        "Domoticz conserve "
            + keptDays
            + " jour(s) d'historique court mais la vue horaire en demande "
            + hourlyViewDays
            + " : réglez Configuration > Paramètres > Historique des logs > Capteurs (court) à "
            + hourlyViewDays
            + " jours ou plus");
  }

  /** Returns the error that Domoticz did not store rows it acknowledged with OK. */
  public UserMessage historyNotStored(String deviceName, String details) {
    requireNonNull(deviceName, "deviceName");
    requireNonNull(details, "details");
    return message(
        Key.HISTORY_NOT_STORED,
        Level.ERROR,
        "Domoticz did not store the history of " + deviceName + ": " + details,
        "Domoticz n'a pas enregistré l'historique de " + deviceName + " : " + details);
  }

  /**
   * Returns the notice that the off-peak hours cannot come from the contract of a usage point.
   *
   * @param usagePointId the usage point
   * @param reason why, such as "this data source serves no contract"
   * @param fallback whether another configured schedule applies instead; without one every hour
   *     counts as peak
   */
  public UserMessage contractOffPeakUnavailable(
      String usagePointId, String reason, boolean fallback) {
    requireNonNull(usagePointId, "usagePointId");
    requireNonNull(reason, "reason");
    return message(
        Key.CONTRACT_OFF_PEAK_UNAVAILABLE,
        Level.STATUS,
        "No off-peak hours from the contract of usage point "
            + usagePointId
            + " ("
            + reason
            + "); "
            + (fallback
                ? "using the configured off-peak hours"
                : "every hour counts as peak; type the off-peak hours in the settings instead"),
        "Pas d'heures creuses dans le contrat du point de livraison "
            + usagePointId
            + " ("
            + reason
            + ") ; "
            + (fallback
                ? "utilisation des heures creuses configurées"
                : "toutes les heures comptent en heures pleines ; saisissez plutôt les heures"
                    + " creuses dans les paramètres"));
  }

  /** Returns the error that ended a cycle. */
  public UserMessage syncFailed(String reason) {
    requireNonNull(reason, "reason");
    return message(
        Key.SYNC_FAILED,
        Level.ERROR,
        "Error while fetching the Linky data: " + reason,
        "Erreur lors de la récupération des données Linky : " + reason);
  }

  /**
   * Returns the error that no valid consent exists: none was stored, it expired, or Enedis reported
   * it revoked. The consent must be given again.
   */
  public UserMessage consentMissing() {
    return message(
        Key.CONSENT_MISSING,
        Level.ERROR,
        "No valid consent to read the Linky data: it was never given, has expired or was revoked."
            + " Give it again (linky consent)",
        "Aucun consentement valide pour lire les données du Linky : il n'a jamais été donné, a"
            + " expiré ou a été révoqué. Donnez-le à nouveau (linky consent)");
  }

  private String format(Instant instant) {
    return TIME.format(requireNonNull(instant, "instant").atZone(zone));
  }

  private UserMessage message(Key key, Level level, String english, String french) {
    return new UserMessage(key, level, language == Language.FRENCH ? french : english);
  }
}
