/**
 * Analysis of a campaign's run directory: reads files, computes, writes reports; never talks to a node and
 * imports neither JMH's runner nor an HTTP client.
 *
 * <p>The flow is three layers, each usable alone:
 * <ol>
 *   <li>{@link dev.quorumbench.analysis.RunLoader#load RunLoader.load(runDir)} reads {@code campaign.json}
 *       (through {@link dev.quorumbench.run.CampaignJson}, the binding the campaign writes it with),
 *       {@code phase4-<fault>.jsonl} (one {@link dev.quorumbench.run.CycleRecord} per line),
 *       {@code latency-<fault>.hlog} (HdrHistogram interval log, microseconds, tagged by outcome) and
 *       {@code jmh-result.json} into a {@link dev.quorumbench.analysis.RunData}. An interrupted run is data,
 *       not an error: a cut-off last line or interval and missing files are flagged; anything malformed
 *       elsewhere is an {@link dev.quorumbench.InvalidInputException} naming file and line.</li>
 *   <li>{@link dev.quorumbench.analysis.Phase4Analysis#analyze(RunData)} is pure: per fault class a
 *       {@link dev.quorumbench.analysis.FaultSummary} (counts, {@code convergence_bound = Σok/Σwrites},
 *       {@code replica_convergence}, losses, timings, mechanism honesty, latency percentiles, verdict and
 *       reasons), gathered in a {@link dev.quorumbench.analysis.Phase4Report}.</li>
 *   <li>{@link dev.quorumbench.analysis.Phase4Files#write Phase4Files.write} renders {@code phase4.json}
 *       ({@link dev.quorumbench.analysis.Phase4Json}, schema in {@code schema/phase4.schema.json}),
 *       {@code report.md} ({@link dev.quorumbench.analysis.ReportMarkdown}) and {@code latency-<fault>.hgrm}
 *       ({@link dev.quorumbench.analysis.HgrmWriter}); {@link dev.quorumbench.analysis.SummaryTable} is the
 *       one-screen text the CLI prints.</li>
 * </ol>
 *
 * <p>convergence_bound is an empirical convergence fraction under the listed faults, not a loss probability.
 */
package dev.quorumbench.analysis;
