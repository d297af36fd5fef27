package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The shell lines {@link SshHost} sends, and the parsing of what comes back (pure). */
class RemoteScriptsTest {

    @Test
    void wordsAreQuotedOnlyWhenTheyNeedIt() {
        assertEquals("kill -STOP 42", ShellQuote.join(List.of("kill", "-STOP", "42")));
        assertEquals("'a b' 'it'\\''s' '$HOME' '*' ''", ShellQuote.join(List.of("a b", "it's", "$HOME", "*", "")));
        assertEquals("--quorum-peers=http://10.0.0.1:19077,http://10.0.0.2:19077",
                ShellQuote.word("--quorum-peers=http://10.0.0.1:19077,http://10.0.0.2:19077"));
    }

    @Test
    void runIsBoundedOnTheHostOneSecondPastTheHarness() {
        assertEquals("timeout -s KILL 3 iptables -S", RemoteScripts.bounded(List.of("iptables", "-S"), 1500));
        assertEquals("timeout -s KILL 2 true", RemoteScripts.bounded(List.of("true"), 1));
    }

    @Test
    void anArmedCommandWaitsInShForGoThenExecsItsArgvBoundedFromArming() {
        assertEquals("timeout -s KILL 7 sh -c 'IFS= read -r go && [ \"$go\" = go ] && exec \"$@\"' armed "
                + "iptables -F 'QB-x y'", RemoteScripts.armed(List.of("iptables", "-F", "QB-x y"), 5500));
        assertEquals("go\n", RemoteScripts.GO);
    }

    @Test
    void startDetachesWithEnvAndLogAndPrintsThePid() {
        ProcessSpec spec = new ProcessSpec(List.of("java", "-cp", "/opt/qb.jar", "x y"), Map.of("AI_MEMORY_DB", "/d b"),
                Path.of("/var/qb/node-0.log"), "=== start");
        assertEquals("mkdir -p /var/qb && printf '%s\\n' '=== start' >> /var/qb/node-0.log && "
                + "{ setsid env 'AI_MEMORY_DB=/d b' java -cp /opt/qb.jar 'x y' >> /var/qb/node-0.log 2>&1 < /dev/null"
                + " & echo $!; }", RemoteScripts.start(spec));
        assertEquals(OptionalLong.of(4711), RemoteScripts.startedPid("4711\n"));
        assertEquals(OptionalLong.empty(), RemoteScripts.startedPid("setsid: not found"));
    }

    @Test
    void aGuardedStartLaunchesItsGuardInTheSameCommandAndPrintsTheNodesPid() {
        ProcessSpec spec = new ProcessSpec(List.of("/usr/bin/etcd", "--name", "node-0"), Map.of(),
                Path.of("/var/qb/node-0.log"), "", new NodeGuard("box", 4242, 777));
        String line = RemoteScripts.start(spec);
        assertEquals("mkdir -p /var/qb && { setsid /usr/bin/etcd --name node-0 >> /var/qb/node-0.log 2>&1 < /dev/null"
                + " & p=$!; setsid bash -c " + ShellQuote.word(NodeGuard.SCRIPT) + " qb-node-guard box 4242 777 \"$p\""
                + " > /dev/null 2>&1 < /dev/null & echo $p; }", line);
    }

    @Test
    void writeGoesThroughATemporaryFileBesideTheTarget() {
        assertEquals("mkdir -p /tmp/qb && t=$(mktemp /tmp/qb/.clock.txt.qb.XXXXXX) && { cat > \"$t\" && chmod 644 \"$t\""
                + " && mv -f \"$t\" /tmp/qb/clock.txt || { rm -f \"$t\"; exit 1; }; }",
                RemoteScripts.writeAtomically(Path.of("/tmp/qb/clock.txt")));
    }

    @Test
    void stoppedProcessesAreReadFromThePsListing() {
        String listing = """
                    1 Ss   /sbin/init
                  812 Tl   java -cp x node serve --parent-pid 77
                  813 t    gdb-traced
                  900 R+   ps -e -o pid=,stat=,args=
                """;
        List<ProcessInfo> stopped = RemoteScripts.stopped(listing);
        assertEquals(List.of(812L, 813L), stopped.stream().map(ProcessInfo::pid).toList());
        assertEquals(List.of("java", "-cp", "x", "node", "serve", "--parent-pid", "77"), stopped.get(0).argv());
    }

    @Test
    void factsKeepTheFirstAnswerOfEachKey() {
        assertEquals(Map.of("uid", "0", "procfs", "yes", "faketime", "/usr/lib/a.so"),
                RemoteScripts.facts("uid=0\nprocfs=yes\nfaketime=/usr/lib/a.so\nfaketime=/usr/lib/b.so\nnoise\n"));
    }
}
