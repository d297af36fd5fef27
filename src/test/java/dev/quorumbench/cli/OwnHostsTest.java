package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.netns.NetnsLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name and subnet of the namespace cluster a run brings up: its own, from the harness's pid, always valid. */
class OwnHostsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1          | r1     | 10.214.3.0/24",
            "12984      | r a0o  | 10.214.236.0/24",
            "60466175   | rzzzzz | 10.214.177.0/24",
            "60466176   | r0     | 10.214.178.0/24",
            "4194304    | r2hwcg | 10.214.56.0/24",
    })
    void aRunsClusterIsNamedAfterItsPid(long pid, String name, String subnet) {
        NetnsLayout layout = OwnHosts.layout(pid, 3);
        assertEquals(name.replace(" ", ""), layout.name());
        assertEquals(subnet, layout.subnet());
        assertEquals(3, layout.hosts());
    }
}
