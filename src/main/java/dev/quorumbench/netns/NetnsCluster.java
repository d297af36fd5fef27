package dev.quorumbench.netns;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.JavaCommand;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.host.SshEndpoint;
import dev.quorumbench.host.SshHost;
import dev.quorumbench.time.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster of hosts on this machine: one network namespace per host with its own address on a bridge that lives in
 * a namespace of its own, an sshd in each host namespace with keys and a known-hosts file made for this cluster,
 * and a hosts profile written out. The machine's own namespace gains one veth end with an address on the cluster's
 * /24 (that is how the harness reaches the hosts); its firewall is never touched. Needs root.
 */
public final class NetnsCluster {

    /** The port sshd listens on inside each host namespace (each namespace has its own port space). */
    public static final int SSH_PORT = 22;
    /** The port each node listens on inside its namespace. */
    public static final int NODE_PORT = 19077;
    /** The second port of a node whose members talk on a port of their own ({@code ${peer_port}}), etcd's default. */
    public static final int PEER_PORT = 2380;
    static final java.nio.file.Path SSHD = java.nio.file.Path.of("/usr/sbin/sshd");
    private static final long IP_TIMEOUT_MS = 5000;
    private static final long SSHD_UP_MS = 15_000;
    /** sshd insists on its privilege-separation directory; Debian creates it at boot, a container may not. */
    private static final Path PRIVSEP = Path.of("/run/sshd");

    private final NetnsLayout layout;
    private final ClusterFiles files;
    private final LocalHost machine = LocalHost.get();

    public NetnsCluster(NetnsLayout layout, Path dir) {
        this.layout = layout;
        // Without --dir, the directory a "cluster up --dir" recorded, so down finds (and deletes) its keys.
        this.files = dir == null ? ClusterFiles.locate(ClusterFiles.tmp(), layout.name())
                : new ClusterFiles(dir.toAbsolutePath());
    }

    public NetnsLayout layout() {
        return layout;
    }

    public Path dir() {
        return files.dir();
    }

    public Path profile() {
        return files.profile();
    }

    /**
     * Builds the cluster and waits (bounded) until every host answers over SSH; returns the hosts profile written.
     * On any failure, and on interrupt (JVM shutdown) while it runs, everything built so far is removed again.
     */
    public Path up() throws NetnsException {
        requirements();
        if (Files.exists(files.dir()) || namespacesPresent()) {
            throw new NetnsException("cluster '" + layout.name() + "' exists already (" + files.dir()
                    + " or its namespaces): 'cluster down --name " + layout.name() + "' first");
        }
        checkSubnetFree();
        Thread undo = new Thread(this::downQuietly, "netns-cluster-undo-" + layout.name());
        Runtime.getRuntime().addShutdownHook(undo);
        boolean done = false;
        try {
            prepareFiles();
            for (List<String> cmd : NetnsPlan.up(layout)) {
                ip(cmd);
            }
            for (int i = 0; i < layout.hosts(); i++) {
                startSshd(i);
            }
            awaitSsh();
            try {
                HostsProfile.write(files.profile(), layout, files, javaHere());
            } catch (IOException e) {
                throw new NetnsException("cannot write " + files.profile() + ": " + e.getMessage(), e);
            }
            done = true;
            return files.profile();
        } finally {
            if (!done) {
                downQuietly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(undo);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it removes the cluster
            }
        }
    }

    /**
     * Writes {@code profile} (a target profile's JSON object asking for {@code "host": "netns"}) to {@code file} as the
     * hosts profile of this cluster, which must be up: node i on host i, reached over this cluster's keys, its data and
     * log in {@code dataRoot/node-i} (created here; the namespaces share this machine's file system).
     */
    public void writeProfile(com.fasterxml.jackson.databind.node.ObjectNode profile, Path file, Path dataRoot)
            throws NetnsException {
        try {
            for (int i = 0; i < layout.hosts(); i++) {
                Files.createDirectories(dataRoot.resolve("node-" + i));
            }
            HostsProfile.materialise(file, profile, layout, files, javaHere(), dataRoot);
        } catch (IOException e) {
            throw new NetnsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state of each host: namespace present, sshd pid, and a command run over SSH. */
    public List<HostStatus> status() {
        List<HostStatus> out = new ArrayList<>();
        List<String> present = namespaceList();
        for (int i = 0; i < layout.hosts(); i++) {
            String ns = layout.hostNamespace(i);
            boolean here = present.contains(ns);
            long pid = readPid(files.sshdPid(i));
            String ssh;
            if (!here) {
                ssh = "no namespace";
            } else if (!files.marked()) {
                ssh = "no keys (" + files.dir() + " missing)";
            } else {
                ssh = probe(i);
            }
            out.add(new HostStatus(ns, layout.hostAddress(i), here, pid, ssh));
        }
        return out;
    }

    /**
     * Removes every process in the cluster's namespaces (sshd and the nodes started there), the namespaces (and with
     * them the veths and the bridge), the machine's veth end, and the cluster's directory with its keys. Idempotent;
     * returns what it removed.
     */
    public List<String> down() throws NetnsException {
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> present = namespaceList();
        for (String ns : NetnsPlan.namespaces(layout)) {
            if (!present.contains(ns)) {
                continue;
            }
            try {
                int killed = killAll(ns);
                if (killed > 0) {
                    removed.add(killed + " process(es) in " + ns);
                }
                CommandResult r = machine.run(List.of(NetnsPlan.IP, "netns", "del", ns), null, IP_TIMEOUT_MS);
                if (r.ok()) {
                    removed.add("namespace " + ns);
                } else {
                    problems.add("ip netns del " + ns + ": " + r.firstLine());
                }
            } catch (HostException e) {
                problems.add(e.getMessage());
            }
        }
        try {
            // Normally gone with its peer in the bridge namespace; a half-built cluster may have left it alone.
            if (machine.run(List.of(NetnsPlan.IP, "link", "show", layout.rootDevice()), null, IP_TIMEOUT_MS).ok()) {
                CommandResult r = machine.run(List.of(NetnsPlan.IP, "link", "del", layout.rootDevice()), null,
                        IP_TIMEOUT_MS);
                if (r.ok()) {
                    removed.add("link " + layout.rootDevice());
                } else if (machine.run(List.of(NetnsPlan.IP, "link", "show", layout.rootDevice()), null,
                        IP_TIMEOUT_MS).ok()) {
                    problems.add("ip link del " + layout.rootDevice() + ": " + r.firstLine());
                }
                // else: the kernel tears a deleted namespace's veths down in the background; it went meanwhile.
            }
        } catch (HostException e) {
            problems.add(e.getMessage());
        }
        try {
            if (files.delete()) {
                removed.add("directory " + files.dir() + " (keys, configs, node data)");
            }
            if (files.unpoint(ClusterFiles.tmp(), layout.name())) {
                removed.add("pointer " + ClusterFiles.pointer(ClusterFiles.tmp(), layout.name()));
            }
        } catch (IOException e) {
            problems.add("cannot delete " + files.dir() + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new NetnsException("cluster down left something behind: " + String.join("; ", problems));
        }
        return removed;
    }

    private void downQuietly() {
        try {
            down();
        } catch (NetnsException | RuntimeException e) {
            // up() is failing already; its own error is the one to report, and 'cluster down' can be rerun
        }
    }

    private void requirements() throws NetnsException {
        if (!machine.facts().root()) {
            throw new NetnsException("a namespace cluster needs root (network namespaces, veths, sshd)");
        }
        for (Path p : List.of(Path.of(NetnsPlan.IP), SSHD, SshKeys.KEYGEN)) {
            if (!Files.isExecutable(p)) {
                throw new NetnsException(p + " is missing (apt-get install iproute2 openssh-server)");
            }
        }
    }

    /** Refuses a /24 the machine already routes somewhere else: the cluster's veth would shadow it. */
    private void checkSubnetFree() throws NetnsException {
        try {
            CommandResult r = machine.run(List.of(NetnsPlan.IP, "-4", "route", "show", "match", layout.hostAddress(0)),
                    null, IP_TIMEOUT_MS);
            for (String line : r.output().lines().toList()) {
                if (!line.startsWith("default")) {
                    throw new NetnsException("subnet " + layout.subnet() + " is already routed here (" + line.strip()
                            + "): choose another with --subnet");
                }
            }
        } catch (HostException e) {
            throw new NetnsException(e.getMessage(), e);
        }
    }

    private void prepareFiles() throws NetnsException {
        try {
            Files.createDirectories(files.dir().getParent());
            Files.createDirectory(files.dir(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.writeString(files.dir().resolve(ClusterFiles.MARKER), layout.name() + " " + layout.subnet() + "\n");
            files.point(ClusterFiles.tmp(), layout.name());
            Files.createDirectories(PRIVSEP);
            String clientPub = SshKeys.generate(machine, files.clientKey(), "quorumbench-" + layout.name());
            Files.writeString(files.authorizedKeys(), clientPub + "\n");
            StringBuilder known = new StringBuilder();
            for (int i = 0; i < layout.hosts(); i++) {
                Files.createDirectories(files.hostDir(i));
                Files.createDirectories(files.dataDir(i));
                String hostPub = SshKeys.generate(machine, files.hostDir(i).resolve("host_key"),
                        layout.hostNamespace(i));
                known.append(SshdConfig.knownHostsLine(layout.hostAddress(i), SSH_PORT, hostPub)).append('\n');
                Files.writeString(files.hostDir(i).resolve("sshd_config"), new SshdConfig(layout.hostAddress(i),
                        SSH_PORT, files.hostDir(i).resolve("host_key"), files.authorizedKeys(), files.sshdPid(i)).text());
            }
            Files.writeString(files.knownHosts(), known.toString());
        } catch (IOException e) {
            throw new NetnsException("cannot prepare " + files.dir() + ": " + e.getMessage(), e);
        } catch (HostException e) {
            throw new NetnsException(e.getMessage(), e);
        }
    }

    /** sshd daemonizes itself (so it outlives this command) and writes its pid file. */
    private void startSshd(int i) throws NetnsException {
        ip(List.of(NetnsPlan.IP, "netns", "exec", layout.hostNamespace(i), SSHD.toString(), "-f",
                files.hostDir(i).resolve("sshd_config").toString(), "-E", files.hostDir(i).resolve("sshd.log").toString()));
    }

    private void awaitSsh() throws NetnsException {
        for (int i = 0; i < layout.hosts(); i++) {
            int host = i;
            String[] last = {"no answer"};
            boolean ok = Await.until(() -> {
                last[0] = probe(host);
                return "ok".equals(last[0]);
            }, SSHD_UP_MS, 100);
            if (!ok) {
                throw new NetnsException("sshd in " + layout.hostNamespace(i) + " did not answer within " + SSHD_UP_MS
                        + " ms: " + last[0]);
            }
        }
    }

    /** Logs in to host {@code i} and checks it is the namespace it should be (its own address on eth0). */
    private String probe(int i) {
        try (SshHost h = new SshHost(endpoint(i), javaHere(), 3000)) {
            CommandResult r = h.connect().run(List.of(NetnsPlan.IP, "-4", "-o", "addr", "show", "dev",
                    NetnsLayout.HOST_DEVICE), null, 3000);
            return r.ok() && r.output().contains(" " + layout.hostAddress(i) + "/24") ? "ok"
                    : "answered from the wrong place: " + r.firstLine();
        } catch (HostException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /** How the harness reaches host {@code i}. */
    public SshEndpoint endpoint(int i) {
        return new SshEndpoint("root", layout.hostAddress(i), SSH_PORT, files.clientKey(), files.knownHosts());
    }

    private int killAll(String ns) throws HostException {
        CommandResult pids = machine.run(List.of(NetnsPlan.IP, "netns", "pids", ns), null, IP_TIMEOUT_MS);
        int n = 0;
        for (String line : pids.output().lines().toList()) {
            String pid = line.strip();
            if (pid.matches("\\d+")) {
                // SIGCONT first: a node left stopped by a fault must not linger as a frozen zombie-to-be.
                machine.run(List.of("kill", "-CONT", pid), null, IP_TIMEOUT_MS);
                if (machine.run(List.of("kill", "-KILL", pid), null, IP_TIMEOUT_MS).ok()) {
                    n++;
                }
            }
        }
        return n;
    }

    private boolean namespacesPresent() {
        List<String> present = namespaceList();
        return NetnsPlan.namespaces(layout).stream().anyMatch(present::contains);
    }

    /** The names {@code ip netns list} shows (it prints {@code name (id: n)}). */
    private List<String> namespaceList() {
        try {
            return machine.run(List.of(NetnsPlan.IP, "netns", "list"), null, IP_TIMEOUT_MS).output().lines()
                    .map(l -> l.strip().split("\\s+")[0]).filter(s -> !s.isEmpty()).toList();
        } catch (HostException e) {
            return List.of();
        }
    }

    private void ip(List<String> cmd) throws NetnsException {
        try {
            CommandResult r = machine.run(cmd, null, IP_TIMEOUT_MS);
            if (!r.ok()) {
                throw new NetnsException(String.join(" ", cmd) + " failed: " + r.firstLine());
            }
        } catch (HostException e) {
            throw new NetnsException(e.getMessage(), e);
        }
    }

    private static long readPid(Path file) {
        try {
            String s = Files.readString(file).strip();
            return s.matches("\\d+") ? Long.parseLong(s) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The java and class path of this harness, absolute: the namespaces share this machine's file system. */
    static JavaCommand javaHere() {
        JavaCommand local = LocalHost.get().javaCommand();
        List<String> entries = new ArrayList<>();
        for (String e : local.classpath().split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return new JavaCommand(local.executable(), String.join(java.io.File.pathSeparator, entries));
    }
}
