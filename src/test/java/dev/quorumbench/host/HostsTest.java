package dev.quorumbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry of host kinds: the built-in {@code local} plus the plug-ins on the class path (the test ones
 * registered in {@code META-INF/services}), where a plug-in claiming a built-in's name never replaces it.
 */
class HostsTest {

    /** Guards the next test against passing vacuously: the shadowing plug-in really is on the class path. */
    @Test
    void theShadowingPlugInIsRegistered() {
        assertTrue(ServiceLoader.load(HostKind.class).stream()
                .anyMatch(p -> p.type() == FakeHostKind.ShadowsLocal.class));
    }

    /** Catches a registry that lets the class path overwrite the built-in (it would open the AssertionError kind). */
    @Test
    void aPlugInNamedLocalNeverReplacesTheBuiltIn() {
        HostKind kind = Hosts.kinds().get(Hosts.LOCAL);
        assertFalse(kind instanceof FakeHostKind.ShadowsLocal, kind.getClass().getName());
        assertSame(LocalHost.get(), Hosts.open(Hosts.LOCAL));
    }

    @Test
    void theKnownKindsAreTheBuiltInOneAndThePlugIns() {
        assertEquals(List.of("fake", "local", "ssh"), Hosts.names());
        assertEquals(List.of("fake", "local"), List.copyOf(Hosts.kinds().keySet()), "ssh hosts are per node, not by name");
        assertInstanceOf(FakeHost.class, Hosts.open("fake"));
    }

    /** Catches a lookup that is not exact (case, blanks) or a message that does not list what is known. */
    @ParameterizedTest
    @CsvSource({"SSH", "LOCAL", "'local '", "''", "docker"})
    void anUnknownKindIsAnInputErrorListingTheKnownOnes(String name) {
        assertFalse(Hosts.known(name));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Hosts.open(name));
        assertEquals("unknown host kind '" + name + "' (known: fake, local, ssh)", e.getMessage());
    }
}
