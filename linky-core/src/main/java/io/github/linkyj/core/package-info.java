/**
 * Fetches Linky smart-meter data from Enedis and turns it into exact, typed readings.
 *
 * <p>{@link io.github.linkyj.core.LinkyClient} is the entry point for HTTP access; {@link
 * io.github.linkyj.core.MeteringParser} reads stored responses without a network. Failures are
 * reported as subclasses of {@link io.github.linkyj.core.LinkyException}. Every naive Enedis time
 * stamp is read in Europe/Paris, and a load-curve point's stamp is the end of its interval.
 */
package io.github.linkyj.core;
