package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fired flush that failed may still run on its host later, into the next cycle's rules: it is killed there at once,
 * before the failure is reported, by a command that matches its tag and never itself.
 */
class IptablesDisarmTest {

    @Test
    void aFailedFireKillsTheArmedFlushOnItsHostBeforeReporting() throws Exception {
        FakeHost host = new FakeHost();
        host.failArmedFires(true);
        Iptables firewall = new Iptables(host, Path.of("/usr/sbin/iptables"));
        Firewall.ArmedFlush armed = firewall.armFlush("QB-7", 35_000);
        String tag = tagOf(host.calls.get(0));

        assertThrows(HostException.class, armed::fire);

        assertEquals(3, host.calls.size(), String.valueOf(host.calls));
        assertEquals("fire failed", host.calls.get(1));
        String disarm = host.calls.get(2);
        assertTrue(disarm.startsWith("run sh -c " + Iptables.DISARM + " "), disarm);
        String pattern = disarm.substring(disarm.lastIndexOf(' ') + 1);
        assertTrue(Pattern.compile(pattern).matcher(host.calls.get(0)).find(), "matches the armed command's line");
        assertFalse(Pattern.compile(pattern).matcher(disarm).find(), "never the disarming command's own line");
        assertTrue(pattern.startsWith(Iptables.ARMED_TAG) && tag.length() > Iptables.ARMED_TAG.length() + 8, tag);
    }

    @Test
    void aFireThatAnsweredDisarmsNothing() throws Exception {
        FakeHost host = new FakeHost();
        Iptables firewall = new Iptables(host, Path.of("/usr/sbin/iptables"));
        firewall.armFlush("QB-7", 35_000).fire();
        assertEquals(2, host.calls.size(), String.valueOf(host.calls));
        assertTrue(host.calls.get(1).startsWith("run sh -c "), host.calls.get(1));
        assertTrue(host.calls.get(1).endsWith(" /usr/sbin/iptables QB-7 " + tagOf(host.calls.get(0))), host.calls.get(1));
    }

    @Test
    void eachArmedFlushHasItsOwnTag() throws Exception {
        FakeHost host = new FakeHost();
        Iptables firewall = new Iptables(host, Path.of("/usr/sbin/iptables"));
        firewall.armFlush("QB-7", 35_000).close();
        firewall.armFlush("QB-7", 35_000).close();
        assertFalse(tagOf(host.calls.get(0)).equals(tagOf(host.calls.get(1))), String.valueOf(host.calls));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "9000000000000000001", "5"})
    void thePatternMatchesTheTagButNotItself(String id) {
        String pattern = Iptables.disarmPattern(id);
        assertTrue(Pattern.compile(pattern).matcher("x " + Iptables.ARMED_TAG + id).find());
        assertFalse(Pattern.compile(pattern).matcher("sh -c … " + pattern).find());
        assertFalse(Pattern.compile(pattern).matcher(Iptables.ARMED_TAG + "0" + id).find(), "another armed flush");
        assertFalse(Pattern.compile(pattern).matcher(Iptables.ARMED_TAG + id + "7").find(), "a longer id");
    }

    private static String tagOf(String armCall) {
        return armCall.substring(armCall.lastIndexOf(' ') + 1);
    }
}
