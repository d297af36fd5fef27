/**
 * Deadlines and the single bounded poll loop ({@link dev.quorumbench.time.Await}) every wait of the harness uses.
 * Imports nothing of the harness; every package may import it.
 */
package dev.quorumbench.time;
