package dev.quorumbench.cluster;

import java.util.List;
import java.util.Map;

/**
 * The expanded argv and extra environment that start one node.
 *
 * @param argv the program and its arguments, run without a shell
 * @param env  entries added to the inherited environment
 */
public record NodeCommandLine(List<String> argv, Map<String, String> env) {
    public NodeCommandLine {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }
}
