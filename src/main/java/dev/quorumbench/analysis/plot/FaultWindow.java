package dev.quorumbench.analysis.plot;

/**
 * When one fault was in place, in seconds since the campaign start.
 *
 * @param fault    the fault class
 * @param startSec the fault took effect
 * @param endSec   the fault was healed
 */
public record FaultWindow(String fault, double startSec, double endSec) {
}
