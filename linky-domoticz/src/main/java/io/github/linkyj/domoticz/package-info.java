/**
 * Writes Linky meter data into Domoticz through its HTTP/JSON API.
 *
 * <p>{@link io.github.linkyj.domoticz.LinkySync} runs one complete sync cycle with the behaviour of
 * the DomoticzLinky plugin, and {@link io.github.linkyj.domoticz.LinkyService} runs cycles on the
 * plugin's schedule. They write to a {@link io.github.linkyj.domoticz.SyncTarget}: a Domoticz
 * server through {@link io.github.linkyj.domoticz.DomoticzTarget}, or memory through {@link
 * io.github.linkyj.domoticz.RecordingTarget} for a dry run.
 *
 * <p>{@link io.github.linkyj.domoticz.DomoticzClient} is the lower-level client. It finds or
 * creates a Dummy hardware and one P1 Smart Meter device per usage point, writes hourly short-log
 * points, daily history rows and the dashboard value, and reads the history back to check what
 * Domoticz stored.
 */
package io.github.linkyj.domoticz;
