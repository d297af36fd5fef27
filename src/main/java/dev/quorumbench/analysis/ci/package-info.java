/**
 * Pure renderers of a campaign's result into the formats CI tools read as they are: JUnit XML (test reporters),
 * Bencher Metric Format and github-action-benchmark's {@code customSmallerIsBetter} JSON (benchmark trackers).
 */
package dev.quorumbench.analysis.ci;
