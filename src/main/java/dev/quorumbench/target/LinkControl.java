package dev.quorumbench.target;

/** Control of the node-to-node links that run through the harness's proxies. */
public interface LinkControl {

    /** Stops every byte on the directed link from node {@code from} to node {@code to} (no RST, like DROP). */
    void blackhole(int from, int to);

    /** Delivers requests on from→to but drops roughly {@code share} (0..1) of the responses coming back. */
    void dropResponses(int from, int to, double share, long seed);

    /** Restores every link to plain forwarding. */
    void healAll();

    /** How many responses were dropped since the last heal (for fault records). */
    long droppedResponses();
}
