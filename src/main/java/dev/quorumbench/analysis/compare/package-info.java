/**
 * Comparison of two runs, per fault class and metric: did the head build get worse than the base?
 *
 * <p>{@link dev.quorumbench.analysis.compare.Metric} names what is compared, which direction is better and the
 * default {@link dev.quorumbench.analysis.compare.MinEffect}. {@link dev.quorumbench.analysis.compare.RunSamples}
 * takes each metric's class-level value from the {@code FaultSummary} that {@code analyze} computes and its
 * per-cycle samples from the JSONL ({@link dev.quorumbench.analysis.compare.CycleSamples}).
 * {@link dev.quorumbench.analysis.compare.VerdictRule} decides improved / unchanged / regressed / inconclusive from
 * the effect size and a Mann–Whitney U test (Apache Commons Math 3) on the per-cycle samples.
 * {@link dev.quorumbench.analysis.compare.Comparison} holds the result; {@code analysis.render} prints it.
 * Everything here but {@link dev.quorumbench.analysis.compare.RunComparison#compare(java.nio.file.Path,
 * java.nio.file.Path, CompareSettings)} is pure.
 */
package dev.quorumbench.analysis.compare;
