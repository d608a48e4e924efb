/**
 * Off-peak ("heures creuses") schedules: parsing, canonical text, French public holidays and the
 * classification of wall-clock minutes and intervals into peak and off-peak.
 *
 * <p>Start at {@link io.github.linkyj.offpeak.OffPeakSchedule}. The package has no dependencies and
 * performs no I/O. Every parameter of a public method must be non-null.
 */
package io.github.linkyj.offpeak;
