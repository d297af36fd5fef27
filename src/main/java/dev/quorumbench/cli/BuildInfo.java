package dev.quorumbench.cli;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.LocalHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What {@code --version} prints: the version and commit the build embedded in {@code quorumbench-build.properties},
 * or, when the build was not given the commit, the commit of the checkout the jar sits in, said as such.
 */
final class BuildInfo {

    static final String RESOURCE = "/quorumbench-build.properties";

    private BuildInfo() {
    }

    /** The one line (pure): embedded facts first; a run-time commit only when none was embedded. */
    static String line(String version, String embeddedCommit, String checkoutCommit) {
        String v = version == null || version.isBlank() || version.startsWith("${") ? "dev" : version.trim();
        String commit;
        if (embeddedCommit != null && !embeddedCommit.isBlank() && !embeddedCommit.startsWith("${")) {
            commit = "commit " + embeddedCommit.trim();
        } else if (checkoutCommit != null && !checkoutCommit.isBlank()) {
            commit = "commit " + checkoutCommit.trim() + " (HEAD of the checkout the jar is in; the build did not "
                    + "embed one: mvn package -Dquorumbench.git.commit=$(git rev-parse --short=12 HEAD))";
        } else {
            commit = "commit unknown (not embedded at build, and the jar is not in a git checkout)";
        }
        return "quorumbench " + v + ", " + commit;
    }

    /** Reads the embedded facts and, if needed, asks git (bounded) about the jar's directory. */
    static String current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unreadable build facts: print what git can tell instead.
        }
        String embedded = p.getProperty("git_commit");
        String checkout = embedded == null || embedded.isBlank() ? checkoutCommit() : null;
        return line(p.getProperty("version"), embedded, checkout);
    }

    private static String checkoutCommit() {
        try {
            Path where = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(where) ? where : where.getParent();
            CommandResult r = LocalHost.get().run(List.of("git", "-C", dir.toString(), "rev-parse", "--short=12",
                    "HEAD"), null, 2_000);
            return r.ok() ? r.output().trim() : null;
        } catch (HostException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
