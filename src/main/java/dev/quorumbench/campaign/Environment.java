package dev.quorumbench.campaign;

import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment block of a run: harness version and commit, JVM, OS, cores, host, target. */
public final class Environment {

    private Environment() {
    }

    public static Map<String, Object> capture(String target) {
        Map<String, Object> env = new LinkedHashMap<>();
        String version = Environment.class.getPackage().getImplementationVersion();
        env.put("harness_version", version == null ? "dev" : version);
        env.put("git_commit", gitCommit());
        env.put("jvm", System.getProperty("java.vm.version") + " " + System.getProperty("java.vm.name"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("hostname", hostname());
        env.put("target", target);
        env.put("read_back", readBack(TargetProfile.resolve(target)));
        return env;
    }

    /**
     * How the target's nodes were read back. A profile may declare that its list read can be served by another
     * node (a leader); then "every node holds the write" was not measured node by node, and the report must say so.
     */
    public static String readBack(TargetProfile profile) {
        return profile.nodeLocalReads() ? "node-local"
                : "NOT node-local (the profile declares list.node_local false): each node's read may be served by "
                + "another node, so replica convergence and lost writes are not measured node by node";
    }

    /** The commit of the working directory's checkout (where the harness was built from), or null. */
    private static String gitCommit() {
        String out = run(2, "git", "rev-parse", "--short=12", "HEAD");
        if (out == null || out.isBlank()) {
            return null;
        }
        String dirty = run(2, "git", "status", "--porcelain", "--untracked-files=no");
        return out.trim() + (dirty != null && !dirty.isBlank() ? "-dirty" : "");
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String out = run(2, "hostname");
        return out == null ? "unknown" : out.trim();
    }

    /** The output of a command that exited 0 within the time given, else null (through the harness's one runner). */
    private static String run(long timeoutSeconds, String... command) {
        try {
            CommandResult r = LocalHost.get().run(List.of(command), null, timeoutSeconds * 1000);
            return r.ok() ? r.output() : null;
        } catch (HostException e) {
            return null;
        }
    }
}
