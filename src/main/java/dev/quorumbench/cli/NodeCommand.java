package dev.quorumbench.cli;

import dev.quorumbench.InvalidInputException;
import dev.quorumbench.node.NodeConfig;
import dev.quorumbench.node.ReferenceNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code node serve}: runs one reference federation node in the foreground until SIGTERM or parent death. */
final class NodeCommand implements Command {
    private final Map<String, String> env;

    NodeCommand() {
        this(System.getenv());
    }

    NodeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "node";
    }

    @Override
    public String summary() {
        return "serve: run one node of the reference quorum-write federation";
    }

    static Options options() {
        Options o = new Options();
        o.addOption(valued("host", "ADDR", "address to bind (default 127.0.0.1)"));
        o.addOption(valued("port", "PORT", "port to listen on (default 19077; 0 = any free port)"));
        o.addOption(valued("db", "PATH", "SQLite database file (default: env AI_MEMORY_DB)"));
        o.addOption(valued("node-id", "NAME", "name in health and logs (default host:port)"));
        o.addOption(valued("quorum-writes", "W", "acks needed including this node (default 1)"));
        o.addOption(valued("quorum-peers", "URLS", "comma-separated peer base URLs, e.g. http://127.0.0.1:19078"));
        o.addOption(valued("quorum-timeout-ms", "MS", "wait this long for W-1 peer acks (default 2000)"));
        o.addOption(valued("sync-interval-ms", "MS", "anti-entropy pull interval (default 500)"));
        o.addOption(valued("parent-pid", "PID", "exit when this process dies"));
        o.addOption(valued("max-body-bytes", "N", "largest client request body (default 1048576)"));
        o.addOption(valued("fanout", "all|quorum", "push each write to every peer (all, default) or to W-1 peers "
                + "only, leaving the rest to anti-entropy (quorum)"));
        o.addOption(Option.builder().longOpt("allow-clock-offset")
                .desc("enable POST /api/v1/admin/clock-offset (cooperative clock skew)").build());
        o.addOption(Option.builder().longOpt("unsafe-ack-before-commit")
                .desc("UNSAFE: answer 201 before the local commit and fan-out (SIGKILL loses acked writes)").build());
        o.addOption(Option.builder().longOpt("unsafe-dequeue-before-push")
                .desc("UNSAFE: answer 201 once committed; every 100 ms take the new rows out of the table, push them "
                        + "one at a time and put each back after its peers answered (SIGKILL at a push loses acked "
                        + "writes)").build());
        o.addOption(Option.builder().longOpt("unsafe-no-sync").desc("UNSAFE: run no anti-entropy daemon").build());
        o.addOption(Option.builder().longOpt("unsafe-sync-wallclock")
                .desc("UNSAFE: sync by wall-clock watermark (clock skew loses writes)").build());
        o.addOption(valued("extra-latency-ms", "MS", "UNSAFE: sleep this long in every client write"));
        o.addOption(Option.builder().longOpt("help").desc("show this help").build());
        return o;
    }

    private static Option valued(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build();
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            // A usage error: the help goes where errors go, so a script sees it and stdout stays clean.
            err.println("quorumbench node: a subcommand is needed (expected: serve; see node --help)");
            printHelp(err);
            return ExitCode.USAGE;
        }
        if (args[0].equals("--help") || args[0].equals("help")) {
            printHelp(out);
            return ExitCode.OK;
        }
        if (!args[0].equals("serve")) {
            throw new InvalidInputException("unknown node subcommand '" + args[0] + "' (expected: serve)");
        }
        CommandLine cl = CommandLines.parse(options(), Arrays.copyOfRange(args, 1, args.length), null);
        if (cl.hasOption("help")) {
            printHelp(out);
            return ExitCode.OK;
        }
        CommandLines.noPositionalArguments(cl);
        NodeConfig config = config(cl, env);
        Consumer<String> log = line -> err.println(Instant.now() + " " + config.nodeId() + " " + line);
        ReferenceNode node;
        try {
            node = ReferenceNode.start(config, log);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (java.net.BindException e) {
            throw new InvalidInputException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage());
        } catch (java.sql.SQLException e) {
            // At start the only SQL is opening the database: a file that is not SQLite, a directory, no access.
            throw new InvalidInputException("--db " + config.db() + ": cannot open the database ("
                    + String.valueOf(e.getMessage()).split("\n")[0] + ")");
        }
        // SIGTERM (and SIGINT) run this hook: stop the server, the daemons, then close the database.
        Thread hook = new Thread(node::close, "node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.awaitStop();
        return ExitCode.OK;
    }

    static NodeConfig config(CommandLine cl, Map<String, String> env) {
        String host = cl.getOptionValue("host", "127.0.0.1");
        try {
            // Resolved here so a typo is bad input (exit 2), not an unresolved-address failure of the server.
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw new InvalidInputException("--host " + host + ": not an address this machine can resolve");
        }
        int port = intNumber(cl, "port", 19077);
        String db = cl.getOptionValue("db", env.get("AI_MEMORY_DB"));
        if (db == null || db.isBlank()) {
            throw new InvalidInputException("no database: give --db PATH or set AI_MEMORY_DB");
        }
        if (java.nio.file.Files.isDirectory(Path.of(db))) {
            throw new InvalidInputException("--db " + db + ": is a directory, not a database file");
        }
        List<URI> peers = new ArrayList<>();
        for (String p : cl.getOptionValue("quorum-peers", "").split(",")) {
            if (!p.isBlank()) {
                try {
                    peers.add(URI.create(p.trim().replaceAll("/+$", "")));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--quorum-peers: not a URL: " + p.trim());
                }
            }
        }
        try {
            return new NodeConfig(host, port, cl.getOptionValue("node-id", host + ":" + port), Path.of(db),
                    intNumber(cl, "quorum-writes", 1), peers, number(cl, "quorum-timeout-ms", 2000),
                    number(cl, "sync-interval-ms", 500), number(cl, "parent-pid", 0),
                    number(cl, "max-body-bytes", 1 << 20), cl.hasOption("unsafe-ack-before-commit"),
                    cl.hasOption("unsafe-no-sync"), cl.hasOption("unsafe-sync-wallclock"),
                    number(cl, "extra-latency-ms", 0), cl.hasOption("allow-clock-offset"), fanoutQuorum(cl),
                    cl.hasOption("unsafe-dequeue-before-push"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static boolean fanoutQuorum(CommandLine cl) {
        String v = cl.getOptionValue("fanout", "all");
        if (!v.equals("all") && !v.equals("quorum")) {
            throw new InvalidInputException("--fanout takes all or quorum, got '" + v + "'");
        }
        return v.equals("quorum");
    }

    private static long number(CommandLine cl, String name, long dflt) {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    private static int intNumber(CommandLine cl, String name, int dflt) {
        long v = number(cl, name, dflt);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidInputException("--" + name + " is out of range: " + v);
        }
        return (int) v;
    }

    private static void printHelp(PrintStream out) {
        HelpFormatter f = new HelpFormatter();
        f.setWidth(110);
        var w = new java.io.PrintWriter(out, true);
        f.printHelp(w, 110, "java -jar target/benchmarks.jar node serve [options]",
                "Runs one node of the reference federation (ai-memory compatible HTTP API).", options(), 2, 4,
                "Unsafe aids break the node on purpose, to prove the harness detects it; they are logged at start.");
        w.flush();
    }
}
