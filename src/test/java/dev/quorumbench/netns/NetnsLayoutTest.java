package dev.quorumbench.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, addresses and the build plan of a namespace cluster (pure). */
class NetnsLayoutTest {

    @Test
    void namesAndAddressesFollowTheNameAndSubnet() {
        NetnsLayout l = NetnsLayout.of("qb", "10.213.77.0/24", 3);
        assertEquals(List.of("qb-h0", "qb-h1", "qb-h2", "qb-br"), NetnsPlan.namespaces(l));
        assertEquals("10.213.77.11", l.hostAddress(1));
        assertEquals("10.213.77.1", l.rootAddress());
        assertEquals("qb-root", l.rootDevice());
    }

    @Test
    void badNamesAndPublicOrMalformedSubnetsAreOneLineInputErrors() {
        for (String subnet : List.of("8.8.8.0/24", "10.0.0.0/16", "10.1.2.3/24", "10.1.300.0/24", "", "x")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetnsLayout.of("qb", subnet, 3));
            assertTrue(e.getMessage().startsWith("--subnet must be"), e.getMessage());
        }
        for (String name : List.of("", "QB", "toolongname", "1qb", "q-b")) {
            assertThrows(InvalidInputException.class, () -> NetnsLayout.of(name, "192.168.7.0/24", 3));
        }
        assertEquals("172.20.1", NetnsLayout.of("a1", "172.20.1.0/24", 3).prefix());
    }

    @Test
    void hostEndsOfVethsAreCreatedInsideTheBridgeNamespaceNeverInTheMachines() {
        List<List<String>> plan = NetnsPlan.up(NetnsLayout.of("qb", "10.213.77.0/24", 3));
        List<String> firstVeth = plan.stream().filter(c -> c.contains("veth")).findFirst().orElseThrow();
        assertEquals(List.of(NetnsPlan.IP, "-n", "qb-br", "link", "add", "h0", "type", "veth", "peer", "name", "eth0",
                "netns", "qb-h0"), firstVeth);
        // the only commands without -n or netns act on the machine's end of the root veth
        plan.stream().filter(c -> !c.contains("-n") && !c.get(1).equals("netns"))
                .forEach(c -> assertTrue(c.contains("qb-root"), c.toString()));
    }
}
