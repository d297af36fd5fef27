package dev.quorumbench.host;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A host's packet filter, seen as named chains the harness owns: each chain is jumped to from the host's input
 * and output paths, holds the rules of one fault, and is flushed to heal. Rules are given in iptables syntax
 * ({@code -A CHAIN -p tcp --dport 1001 -j DROP}); what they match is the fault's business, how they get into the
 * kernel is the host's.
 */
public interface Firewall {

    /**
     * Creates {@code chain} if missing and makes sure it is jumped to (once) from input on and output to
     * {@code device} ({@code lo} for loopback); the chain is removed again when the harness exits normally.
     */
    void ensureChain(String chain, String device) throws HostException;

    /**
     * Appends {@code rules} all at once: packets see none of them or all of them. Returns the host's own clock
     * (epoch ns) read right after the rules went in, where the host reports it.
     */
    OptionalLong apply(List<String> rules) throws HostException;

    /** Removes every rule of {@code chain}; its jumps stay and now lead to an empty chain. */
    void flush(String chain) throws HostException;

    /**
     * Makes the flush of {@code chain} ready to run at {@link ArmedFlush#fire}, so the host's cost of starting a
     * command is paid ahead of time (see {@link ArmedCommand}); unfired after {@code armedMs}, it is given up. By
     * default nothing is prepared: fire flushes.
     */
    default ArmedFlush armFlush(String chain, long armedMs) throws HostException {
        return new ArmedFlush() {
            @Override
            public OptionalLong fire() throws HostException {
                flush(chain);
                return OptionalLong.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    /** A flush made ready by {@link #armFlush}. */
    interface ArmedFlush extends AutoCloseable {

        /**
         * Flushes now, or throws if the flush failed; returns the host's own clock (epoch ns) read right after the
         * chain was empty, where the host reports it. Fires at most once.
         */
        OptionalLong fire() throws HostException;

        /** Gives the flush up unrun (idempotent). */
        @Override
        void close();
    }

    /** The rules of {@code chain} in {@code -A} form; empty when it has none or does not exist. */
    List<String> rules(String chain) throws HostException;

    /** Whether {@code chain} exists. */
    boolean exists(String chain) throws HostException;

    /** Deletes the jumps to {@code chain}, its rules and the chain itself; tolerates any of them being gone. */
    void removeChain(String chain) throws HostException;

    /**
     * Removes every chain whose owner is gone, as {@code abandoned} decides from the chain's name (a chain
     * {@code abandoned} does not recognise is never touched); returns the chains removed.
     */
    List<String> sweep(Predicate<String> abandoned) throws HostException;
}
