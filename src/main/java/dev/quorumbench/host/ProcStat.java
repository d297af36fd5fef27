package dev.quorumbench.host;

/** Parses Linux {@code /proc/<pid>/stat} lines (pure). */
final class ProcStat {

    private ProcStat() {
    }

    /**
     * The state letter of a stat line. The command name is in parentheses and may itself hold spaces or
     * parentheses, so the state is the first field after the last {@code ')'}.
     */
    static char stateLetter(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0 || close + 2 >= statLine.length()) {
            throw new IllegalArgumentException("not a /proc stat line: " + statLine);
        }
        return statLine.charAt(close + 2);
    }
}
