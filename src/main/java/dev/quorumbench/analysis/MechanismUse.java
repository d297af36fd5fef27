package dev.quorumbench.analysis;

import dev.quorumbench.run.MechanismStatus;

/**
 * A mechanism that the fault events of a class report, and in how many cycles.
 *
 * @param name   the mechanism's name, "none" for cycles without a fault event
 * @param status how real it was, null for cycles without a fault event
 * @param cycles cycles that used it
 */
public record MechanismUse(String name, MechanismStatus status, int cycles) {
}
