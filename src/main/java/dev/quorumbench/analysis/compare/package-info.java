/**
 * Comparison of a head side with a base side (one run or several each), per fault class and metric: did the head
 * build get worse?
 *
 * <p>{@link dev.quorumbench.analysis.compare.Metric} names what is compared, which direction is better and the
 * default {@link dev.quorumbench.analysis.compare.MinEffect}. {@link dev.quorumbench.analysis.compare.RunSamples}
 * takes each metric's class-level value from the {@code FaultSummary} that {@code analyze} computes, its
 * per-cycle samples from the JSONL ({@link dev.quorumbench.analysis.compare.CycleSamples}) and the run's settings
 * from campaign.json ({@link dev.quorumbench.analysis.compare.RunSettings});
 * {@link dev.quorumbench.analysis.compare.Compatibility} refuses settings that change what is measured.
 * {@link dev.quorumbench.analysis.compare.SideMetric} joins a side's runs; {@link dev.quorumbench.analysis.compare.Units}
 * cuts them into the test's units (runs, or blocks of cycles); {@link dev.quorumbench.analysis.compare.MetricEvidence}
 * holds the exact rank test ({@link dev.quorumbench.analysis.compare.RankTest}, Apache Commons Statistics) and the
 * effect's interval ({@link dev.quorumbench.analysis.compare.HierarchicalBootstrap});
 * {@link dev.quorumbench.analysis.compare.FalseDiscovery} adjusts the family's p-values and
 * {@link dev.quorumbench.analysis.compare.VerdictRule} decides improved / unchanged / regressed / inconclusive.
 * {@link dev.quorumbench.analysis.compare.Comparison} holds the result; {@code analysis.render} prints it.
 * Everything here but {@link dev.quorumbench.analysis.compare.RunComparison}'s loading of directories is pure.
 */
package dev.quorumbench.analysis.compare;
