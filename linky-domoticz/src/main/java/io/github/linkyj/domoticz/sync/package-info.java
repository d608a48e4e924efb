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
 * <p>One sync cycle calls them in this order:
 *
 * <ol>
 *   <li>{@link SyncStateStore#load} the state; apply a reset that {@link SyncState#isResetDue}.
 *   <li>{@link FetchPlanner#plan} the cycle and show {@link UserMessages#completeHistory} or {@link
 *       UserMessages#shortHistory}.
 *   <li>For each usage point and each {@link FetchPlan#batchesOf} batch: fetch its requests
 *       (skipping a direction {@link UsagePointState#isAbsent}, and recording a wrong-direction
 *       error with {@link UsagePointState#withAbsent}); ask the daily endpoint once for the range
 *       of the {@link EnergyAggregator#daysNotCovered} days of each load curve; {@link
 *       EnergyAggregator#aggregate} the days; {@link HistoryRows#build} them with {@link
 *       UsagePointState#counterBaseAt} as the counter base; write the points and rows; record them
 *       with {@link UsagePointState#withDaysWritten}, {@link UsagePointState#withPeaks} and {@link
 *       UsagePointState#withShortLog}; mark recent days from a daily value for refetching with
 *       {@link UsagePointState#withDaysUnwritten(Direction, java.util.Collection)}; prune with
 *       {@link DashboardComposer#statisticsHorizon}; {@link SyncStateStore#save}.
 *   <li>{@link DashboardComposer#compose} each meter's dashboard, or show {@link
 *       UserMessages#dashboardDataMissing}.
 *   <li>For each {@link UsagePointMerger#pairs} pair, write {@link UsagePointMerger#mergeDays} and
 *       compose from {@link UsagePointMerger#mergeStatistics}.
 *   <li>{@link SyncState#withSuccess} or {@link SyncState#withFailure}, save, and ask {@link
 *       SchedulePolicy} for the next run.
 * </ol>
 *
 * <p>Energies are exact integers in watt-minutes (W × minutes; 1 Wh = 60 Wmin) until they are
 * written, where {@link HistoryRows} rounds them to whole Wh. Local dates and times are
 * Europe/Paris unless a method takes a zone.
 */
package io.github.linkyj.domoticz.sync;
