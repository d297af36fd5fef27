package dev.quorumbench.cluster;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.host.Hosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before anything starts, what a target profile takes from the harness's environment: every
 * {@code ${env:NAME}} its command and env use must be set, and a local command given by one must be an executable
 * file. Otherwise JMH would start, print its banner and fail in the fork, leaving a partial run behind.
 */
public final class ProfileEnvironment {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([^}]*)}");

    private ProfileEnvironment() {
    }

    /** Refuses the profile with one line naming the first missing variable or the command that cannot run. */
    public static void check(TargetProfile profile, Function<String, String> env) {
        List<String> templates = new ArrayList<>(profile.command());
        templates.addAll(profile.env().values());
        for (String t : templates) {
            Matcher m = ENV.matcher(t);
            while (m.find()) {
                String value = env.apply(m.group(1));
                if (value == null || value.isEmpty()) {
                    throw new InvalidInputException(m.group(1) + " is not set: target " + profile.name()
                            + " needs ${env:" + m.group(1) + "} (export " + m.group(1) + "=…)");
                }
            }
        }
        String program = profile.command().isEmpty() ? "" : profile.command().get(0);
        Matcher whole = ENV.matcher(program);
        if (Hosts.LOCAL.equals(profile.hostKind()) && whole.matches()) {
            String value = env.apply(whole.group(1));
            // A bare name is looked up on PATH when the node starts; a path must name a program here.
            if (value.contains("/") && !(Files.isRegularFile(Path.of(value)) && Files.isExecutable(Path.of(value)))) {
                throw new InvalidInputException(whole.group(1) + "=" + value + ": not an executable file (target "
                        + profile.name() + " runs it as its node program)");
            }
        }
    }
}
