package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.netns.HostStatus;
import dev.quorumbench.netns.NetnsCluster;
import dev.quorumbench.netns.NetnsException;
import dev.quorumbench.netns.NetnsLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code cluster up|status|down}: a three-host cluster of network namespaces on this machine, reached over SSH. */
final class ClusterCommand implements Command {

    private static final List<String> ACTIONS = List.of("up", "status", "down");

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String summary() {
        return "up|status|down: three hosts as network namespaces on this machine, with sshd (root)";
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("name").hasArg().argName("NAME")
                .desc("prefix of the namespaces NAME-h0..2 and NAME-br (default " + NetnsLayout.DEFAULT_NAME + ")").build());
        o.addOption(Option.builder().longOpt("subnet").hasArg().argName("A.B.C.0/24")
                .desc("the cluster's private /24 (default " + NetnsLayout.DEFAULT_SUBNET + ")").build());
        o.addOption(Option.builder().longOpt("dir").hasArg().argName("DIR")
                .desc("where keys, sshd configs, node data and hosts.json live (default $TMPDIR/quorumbench-cluster-NAME)")
                .build());
        o.addOption(Option.builder().longOpt("help").desc("show this help").build());
        return o;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            printHelp(out);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        if (!ACTIONS.contains(args[0])) {
            throw new InvalidInputException("unknown cluster action '" + args[0] + "' (expected: up, status, down)");
        }
        CommandLine cl = CommandLines.parse(options(), Arrays.copyOfRange(args, 1, args.length), null);
        if (cl.hasOption("help")) {
            printHelp(out);
            return ExitCode.OK;
        }
        CommandLines.noPositionalArguments(cl);
        NetnsLayout layout = NetnsLayout.of(cl.getOptionValue("name", NetnsLayout.DEFAULT_NAME),
                cl.getOptionValue("subnet", NetnsLayout.DEFAULT_SUBNET), 3);
        NetnsCluster cluster = new NetnsCluster(layout, cl.hasOption("dir") ? Path.of(cl.getOptionValue("dir")) : null);
        try {
            return switch (args[0]) {
                case "up" -> up(cluster, out);
                case "status" -> status(cluster, out);
                default -> down(cluster, out);
            };
        } catch (NetnsException e) {
            err.println("quorumbench cluster " + args[0] + ": " + e.getMessage());
            return ExitCode.HARNESS;
        }
    }

    private static int up(NetnsCluster cluster, PrintStream out) throws NetnsException {
        Path profile = cluster.up();
        print(cluster.status(), out);
        out.println("profile: " + profile);
        out.println("stop:    java -jar target/benchmarks.jar cluster down --name " + cluster.layout().name());
        return ExitCode.OK;
    }

    private static int status(NetnsCluster cluster, PrintStream out) {
        List<HostStatus> hosts = cluster.status();
        print(hosts, out);
        boolean up = hosts.stream().allMatch(HostStatus::up);
        out.println(up ? "cluster '" + cluster.layout().name() + "' is up; profile: " + cluster.profile()
                : "cluster '" + cluster.layout().name() + "' is not (fully) up");
        return up ? ExitCode.OK : ExitCode.HARNESS;
    }

    private static int down(NetnsCluster cluster, PrintStream out) throws NetnsException {
        List<String> removed = cluster.down();
        if (removed.isEmpty()) {
            out.println("cluster '" + cluster.layout().name() + "': nothing to remove");
        }
        for (String r : removed) {
            out.println("removed " + r);
        }
        return ExitCode.OK;
    }

    private static void print(List<HostStatus> hosts, PrintStream out) {
        for (HostStatus h : hosts) {
            out.printf("%-10s %-15s namespace %-7s sshd %-8s ssh %s%n", h.namespace(), h.address(),
                    h.present() ? "present" : "absent", h.sshdPid() > 0 ? Long.toString(h.sshdPid()) : "-", h.ssh());
        }
    }

    private static void printHelp(PrintStream out) {
        HelpFormatter f = new HelpFormatter();
        var w = new java.io.PrintWriter(out, true);
        f.printHelp(w, 110, "java -jar target/benchmarks.jar cluster up|status|down [options]",
                "Three hosts on this machine: network namespaces NAME-h0..2 on a bridge in namespace NAME-br, sshd in "
                        + "each (keys made for the cluster), and a hosts profile to run campaigns against. Needs root.",
                options(), 2, 4, "down removes every namespace, process, link and key the cluster has; it is idempotent.");
        w.flush();
    }
}
