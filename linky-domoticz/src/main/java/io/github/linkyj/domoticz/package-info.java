/**
 * Writes Linky meter data into Domoticz through its HTTP/JSON API.
 *
 * <p>{@link io.github.linkyj.domoticz.DomoticzClient} is the entry point. It finds or creates a
 * Dummy hardware and one P1 Smart Meter device per usage point, writes hourly short-log points,
 * daily history rows and the dashboard value, and reads the history back to check what Domoticz
 * stored.
 */
package io.github.linkyj.domoticz;
