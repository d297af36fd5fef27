/**
 * The host seam: a machine where nodes run, seen through the few verbs faults and the cluster handle need.
 *
 * <h2>Shape</h2>
 * <pre>{@code
 * Host host = cluster.host(1);                       // the host node-1 runs on
 * host.signal(pid, Signal.STOP);                       // SIGSTOP there
 * host.awaitState(pid, Set.of(ProcessState.STOPPED), 1000);   // verified there, bounded (time/Await)
 * host.writeFile(timestampFile, "+60\n");              // atomic: a reader sees old or new, never half
 * host.firewall().value().ifPresent(fw -> ...);        // Capability: the firewall, or why it cannot be used
 * HostProcess p = host.start(new ProcessSpec(argv, env, log, banner));   // a node: pid, alive, exit code
 * CommandResult r = host.run(List.of("git", "rev-parse", "HEAD"), null, 2000);   // the one process runner
 * }</pre>
 * {@link dev.quorumbench.host.Host} has the shape of Jepsen's {@code Remote} (execute, upload) with the verbs a
 * fault needs spelled out instead of left to shell strings: {@code run} (a short command with a deadline; a non-zero
 * exit is a result), {@code start} (a long-lived process, its output appended to a log), {@code signal} and
 * {@code state} (a {@link dev.quorumbench.host.Signal} by pid; {@link dev.quorumbench.host.ProcessState} running,
 * stopped or gone — a zombie is gone), {@code stoppedProcesses} (for the orphan sweep), {@code writeFile} and
 * {@code readable}, {@code firewall}, {@code facts} and {@code javaCommand}. Every verb is bounded in time; a failure
 * is a {@link dev.quorumbench.host.HostException} with one line of reason.
 *
 * <p>What a host may lack is a type, not a string: {@link dev.quorumbench.host.Capability} is either the thing or
 * the reason it is missing ("needs root"), and {@link dev.quorumbench.host.HostFacts} (root, procfs, signals, the
 * firewall, libfaketime) is looked up once so that choosing a fault mechanism is a pure decision in
 * each {@code fault/MechanismKind}. The {@link dev.quorumbench.host.Firewall} is Jepsen's {@code net} drop/heal cut to
 * what a partition needs: named chains the harness owns, jumped to from a device's input and output, filled with a
 * batch of rules at once, flushed to heal, removed at exit, and swept when their owner is gone (the caller says
 * which chains are abandoned; the rules' meaning stays with the fault).
 *
 * <h2>Dependencies</h2>
 * This package imports only {@code run/} (the atomic write) and {@code time/} (the poll loop). {@code cluster/}
 * starts and kills node processes through it; {@code fault/} acts only through it and the cluster handle, and
 * never starts a process, sends a signal or reads a process table itself.
 *
 * <h2>The local host</h2>
 * {@link dev.quorumbench.host.LocalHost#get()} is this machine: {@code ProcessBuilder}
 * for {@code run} and {@code start}, {@code kill -NAME pid} for signals (Java has no SIGSTOP), {@code /proc} for
 * states and command lines, {@code run/AtomicFiles} for files, and iptables ({@code -w}, one
 * {@code iptables-restore --noflush} per batch) as its firewall when it runs as root.
 * {@link dev.quorumbench.host.HarnessProcess} is the harness's own process, the owner named in chains
 * ({@code QB-<machine>-<pid>}) and in each node's {@code --parent-pid}.
 *
 * <h2>Adding a kind of host</h2>
 * One new class implementing {@link dev.quorumbench.host.Host}, plus its registration: a
 * {@link dev.quorumbench.host.HostKind} — a built-in one listed in {@link dev.quorumbench.host.Hosts#kinds}, a
 * plug-in named in {@code META-INF/services/dev.quorumbench.host.HostKind}; a target profile then says
 * {@code "host": "<name>"} and {@code cluster/Clusters#hostOf} opens it (once per cluster, which closes it).
 *
 * <h2>The SSH host</h2>
 * {@link dev.quorumbench.host.SshHost} is a machine reached over SSH (Apache MINA SSHD's client) on ONE persistent
 * session ({@code SshSession}; opened lazily, reopened after a drop, at most {@code MAX_CHANNELS} channels at once):
 * <ul>
 * <li>{@code run}: an exec channel with the argv quoted ({@code ShellQuote}) under {@code timeout -s KILL} one second
 *     past the harness's deadline, stdin written then closed, stdout and stderr collected together;</li>
 * <li>{@code start}: {@code setsid [env K=V] argv >> log 2>&1 < /dev/null & echo $!} ({@code RemoteScripts}): detached,
 *     and the printed pid is the program itself; {@code RemoteProcess} answers {@code isAlive} from {@code state}
 *     (its exit code is unknown: it is not the harness's child);</li>
 * <li>{@code signal}: {@code kill -NAME pid}; {@code state}: {@code cat /proc/<pid>/stat}; {@code stoppedProcesses}:
 *     {@code ps -e -o pid=,stat=,args=};</li>
 * <li>{@code writeFile}: stdin to {@code mktemp} beside the file, then {@code mv -f}; {@code readable}:
 *     {@code test -r};</li>
 * <li>{@code firewall}: {@code Iptables} through this host's {@code run}; {@code facts}: probed once there;
 *     {@code javaCommand}: the java and class path the profile names for that host.</li>
 * </ul>
 * Host keys are checked against the endpoint's known-hosts file (an unknown or changed key is a one-line
 * {@link dev.quorumbench.host.HostUnreachableException}); only the endpoint's key file is offered, never
 * {@code ~/.ssh}. {@link dev.quorumbench.host.SshHosts} keeps one host per endpoint per JVM. A node of a
 * {@code hosts} profile runs on one ({@code cluster/Clusters}); the network-namespace cluster ({@code netns/}) is
 * the same SSH host pointed at the sshd inside each namespace.
 *
 * <h2>Adding a kind of host</h2>
 * One new class in this package implementing {@link dev.quorumbench.host.Host}, plus its registration as a
 * {@link dev.quorumbench.host.HostKind} ({@link dev.quorumbench.host.Hosts}). Still not behind the seam, because the
 * harness itself reaches the nodes: port reservation and link proxies for nodes on this machine
 * ({@code cluster/FreePorts}, {@code cluster/ProxyLinks}), the node log tail in start errors (read from the local
 * file), and the probes over the network (the health and clock calls of the store-protocol seam).
 */
package dev.quorumbench.host;
