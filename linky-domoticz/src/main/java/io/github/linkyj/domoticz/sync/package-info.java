/**
 * Plugin behaviour of the Linky to Domoticz synchronisation, as pure logic without HTTP.
 *
 * <p>The types here decide what a sync cycle fetches ({@link FetchPlanner}), how load-curve
 * intervals and daily values become day rows and hourly short-log points ({@link EnergyAggregator},
 * {@link HistoryRows}), what the dashboard shows ({@link DashboardComposer}), when the next cycle
 * runs ({@link SchedulePolicy}), how a consumption-only and a production-only usage point are
 * merged ({@link UsagePointMerger}), what the user reads ({@link UserMessages}) and what persists
 * between cycles ({@link SyncState}, {@link SyncStateStore}).
 *
 * <p>Energies are exact integers in watt-minutes (W × minutes; 1 Wh = 60 Wmin) until they are
 * written, where {@link HistoryRows} rounds them to whole Wh. Local dates and times are
 * Europe/Paris unless a method takes a zone.
 */
package io.github.linkyj.domoticz.sync;
