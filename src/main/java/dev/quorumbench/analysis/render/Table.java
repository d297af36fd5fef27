package dev.quorumbench.analysis.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table rendered the same way to Markdown and to HTML, so the release notes and the HTML page show the
 * same cells.
 *
 * @param header     column titles
 * @param rightAlign per column: numbers are right-aligned
 * @param rows       cells, as plain text; a cell wrapped in ** is emphasized
 */
public record Table(List<String> header, List<Boolean> rightAlign, List<List<String>> rows) {

    public Table {
        if (rightAlign.size() != header.size()) {
            throw new IllegalArgumentException("alignment for " + rightAlign.size() + " of " + header.size()
                    + " columns");
        }
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells in a table of " + header.size()
                        + " columns: " + r);
            }
        }
        header = List.copyOf(header);
        rightAlign = List.copyOf(rightAlign);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A table whose columns are given as "title" (left) or "title:" (right-aligned). */
    public static Table of(List<String> columns, List<List<String>> rows) {
        List<String> header = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (String c : columns) {
            boolean r = c.endsWith(":");
            header.add(r ? c.substring(0, c.length() - 1) : c);
            right.add(r);
        }
        return new Table(header, right, rows);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("|");
        header.forEach(h -> b.append(' ').append(md(h)).append(" |"));
        b.append("\n|");
        rightAlign.forEach(r -> b.append(r ? "---:|" : "---|"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            row.forEach(c -> b.append(' ').append(md(c)).append(" |"));
            b.append('\n');
        }
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            b.append(rightAlign.get(i) ? "<th class=\"num\">" : "<th>").append(Html.escape(header.get(i)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(rightAlign.get(i) ? "<td class=\"num\">" : "<td>").append(htmlCell(row.get(i)))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String md(String cell) {
        return cell.replace("|", "\\|");
    }

    private static String htmlCell(String cell) {
        if (cell.length() > 4 && cell.startsWith("**") && cell.endsWith("**")) {
            return "<strong>" + Html.escape(cell.substring(2, cell.length() - 2)) + "</strong>";
        }
        if (cell.length() > 2 && cell.startsWith("`") && cell.endsWith("`")) {
            return "<code>" + Html.escape(cell.substring(1, cell.length() - 1)) + "</code>";
        }
        return Html.escape(cell);
    }
}
