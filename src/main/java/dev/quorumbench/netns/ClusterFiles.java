package dev.quorumbench.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a namespace cluster keeps its keys, sshd configurations, node data and written profile: one private
 * directory, marked as the cluster's so that removing it can never delete a directory the user pointed at by mistake.
 */
record ClusterFiles(Path dir) {

    static final String MARKER = ".quorumbench-cluster";

    /** The default directory of the cluster named {@code name}. */
    static Path defaultDir(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "quorumbench-cluster-" + name);
    }

    Path clientKey() {
        return dir.resolve("client_key");
    }

    Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    Path profile() {
        return dir.resolve("hosts.json");
    }

    Path hostDir(int i) {
        return dir.resolve("h" + i);
    }

    Path sshdPid(int i) {
        return hostDir(i).resolve("sshd.pid");
    }

    Path dataDir(int node) {
        return dir.resolve("data").resolve("node-" + node);
    }

    boolean marked() {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** Deletes the directory and everything in it, only if it carries the marker; returns whether it did. */
    boolean delete() throws IOException {
        if (!marked()) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }
}
