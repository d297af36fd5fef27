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
        return defaultDir(tmp(), name);
    }

    static Path defaultDir(Path tmp, String name) {
        return tmp.resolve("quorumbench-cluster-" + name);
    }

    /**
     * Where a cluster made with {@code --dir} leaves the way to its directory, so that {@code cluster down} and
     * {@code status} without {@code --dir} find its keys: {@code $TMPDIR/quorumbench-cluster-NAME.where}.
     */
    static Path pointer(Path tmp, String name) {
        return tmp.resolve("quorumbench-cluster-" + name + ".where");
    }

    /**
     * The files of the cluster named {@code name} when no directory is given: the one its pointer names if that
     * directory still carries the marker, else the default directory.
     */
    static ClusterFiles locate(Path tmp, String name) {
        Path p = pointer(tmp, name);
        try {
            if (Files.isRegularFile(p)) {
                ClusterFiles named = new ClusterFiles(Path.of(Files.readString(p).strip()));
                if (named.dir().isAbsolute() && named.marked()) {
                    return named;
                }
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // an unreadable pointer leads nowhere: the default directory is the answer
        }
        return new ClusterFiles(defaultDir(tmp, name));
    }

    /** Records this directory as the cluster's when it is not the default one (nothing to record otherwise). */
    void point(Path tmp, String name) throws IOException {
        if (!dir.equals(defaultDir(tmp, name))) {
            Files.writeString(pointer(tmp, name), dir + "\n");
        }
    }

    /** Removes the cluster's pointer if it names this directory; returns whether it did. */
    boolean unpoint(Path tmp, String name) throws IOException {
        Path p = pointer(tmp, name);
        if (Files.isRegularFile(p) && Path.of(Files.readString(p).strip()).equals(dir)) {
            Files.delete(p);
            return true;
        }
        return false;
    }

    static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
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
