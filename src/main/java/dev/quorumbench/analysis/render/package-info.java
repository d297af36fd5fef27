/**
 * Text outputs of {@code compare} and {@code report}: the comparison as Markdown (a pull-request comment) and
 * JSON, and the release evidence of a run as release-notes.md, PNG/SVG plots and one self-contained index.html.
 *
 * <p>Renderers are pure functions of their inputs ({@link dev.quorumbench.analysis.render.Table} renders the same
 * cells to Markdown and HTML); only {@link dev.quorumbench.analysis.render.EvidenceReport#write} touches files.
 */
package dev.quorumbench.analysis.render;
