package dev.quorumbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.InvalidInputException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry of store protocols: the built-in {@code ai-memory} plus the plug-ins on the class path (the test
 * ones registered in {@code META-INF/services}), where a plug-in claiming a built-in's name never replaces it.
 */
class StoreProtocolsTest {

    /** Guards the next test against passing vacuously: the shadowing plug-in really is on the class path. */
    @Test
    void theShadowingPlugInIsRegistered() {
        assertTrue(ServiceLoader.load(StoreProtocolKind.class).stream()
                .anyMatch(p -> p.type() == MemoryStoreKind.ShadowsAiMemory.class));
    }

    /** Catches a registry that lets the class path overwrite the built-in (it would open the AssertionError kind). */
    @Test
    void aPlugInNamedAiMemoryNeverReplacesTheBuiltIn() {
        StoreProtocolKind kind = StoreProtocols.kinds().get(StoreTarget.AI_MEMORY);
        assertFalse(kind instanceof MemoryStoreKind.ShadowsAiMemory, kind.getClass().getName());
        try (StoreProtocol p = StoreProtocols.forTarget(StoreTarget.aiMemory(StoreTarget.DEFAULT_HEALTH_PATH, false),
                100, 100)) {
            assertInstanceOf(HttpStoreProtocol.class, p);
        }
        assertInstanceOf(HttpStoreProtocol.class, StoreProtocols.builtIn());
    }

    @Test
    void theKnownProtocolsAreTheBuiltInOneAndThePlugIns() {
        assertEquals(List.of("ai-memory", "http", "memory", "memory-lossy"), List.copyOf(StoreProtocols.kinds().keySet()));
        assertInstanceOf(MemoryStoreKind.Lossy.class, StoreProtocols.kinds().get("memory-lossy"));
    }

    /** Catches a lookup that is not exact (case, blanks) or a message that does not list what is known. */
    @ParameterizedTest
    @CsvSource({"redis", "AI-MEMORY", "' ai-memory'", "''", "memory-"})
    void anUnknownProtocolIsAnInputErrorListingTheKnownOnes(String name) {
        assertFalse(StoreProtocols.known(name));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StoreProtocols.forTarget(new StoreTarget(name, "/h", false), 100));
        assertEquals("unknown store protocol '" + name + "' (known: ai-memory, http, memory, memory-lossy)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ai-memory", "memory", "memory-lossy"})
    void theKnownOnesAreKnown(String name) {
        assertTrue(StoreProtocols.known(name));
    }
}
