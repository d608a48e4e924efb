package io.github.linkyj.core;

import java.time.LocalDate;

/**
 * Receives the body of each metering response a {@link LinkyClient} parsed successfully, before the
 * chunks are merged, for example to store it as {@code <kind>_<start>_<end>.json}. Because it runs
 * per chunk, the responses of a long fetch are kept even when a later chunk fails.
 *
 * <p>It runs on the calling thread; an exception it throws ends the fetch.
 */
@FunctionalInterface
public interface ResponseListener {

  /**
   * Handles one response.
   *
   * @param kind the metering series
   * @param usagePointId the usage point requested
   * @param start the first day requested
   * @param end the day after the last day requested
   * @param json the response body as received
   */
  void onResponse(
      MeteringKind kind, String usagePointId, LocalDate start, LocalDate end, String json);
}
