package dev.quorumbench.host;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes an argv for a POSIX shell (pure): what an SSH exec request needs, since sshd hands it to the login shell. */
final class ShellQuote {

    private ShellQuote() {
    }

    /**
     * One word the shell reads back as exactly {@code arg}: safe characters stay as they are (readable in logs),
     * anything else goes in single quotes, each single quote written as {@code '\''}.
     */
    static String word(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(ShellQuote::safe)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The words of {@code argv} joined by spaces. */
    static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::word).collect(Collectors.joining(" "));
    }

    private static boolean safe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "@%_+=:,./-".indexOf(c) >= 0;
    }
}
