package dev.quorumbench.net;

/**
 * Told of every chunk a {@link LinkProxy} has just passed on, so a fault can act at a moment seen on the wire
 * (the first bytes of a replication push) instead of guessing it with a timer.
 *
 * <p>Called on the proxy's pump thread right after the chunk was written to the other side: an implementation must
 * return quickly (it delays that direction's next read; it must never block) and must not keep {@code buf}, which
 * the pump reuses for the next read.
 */
@FunctionalInterface
public interface LinkObserver {

    /**
     * @param connection the proxy's number for the connection (1, 2, …), so a response can be paired with the request
     *                   sent on the same keep-alive connection
     * @param request    true for the sender's bytes (towards the link's upstream), false for the answer coming back
     * @param buf        the chunk; only {@code buf[0..length)} is valid, and only during this call
     * @param length     how many bytes were passed on
     * @param nanoTime   {@link System#nanoTime()} just after they were written on
     */
    void passed(long connection, boolean request, byte[] buf, int length, long nanoTime);
}
