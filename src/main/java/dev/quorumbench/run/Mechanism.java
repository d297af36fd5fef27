package dev.quorumbench.run;

/**
 * A named way of injecting a fault, and how real it is here.
 *
 * @param name   for example {@code sigkill}, {@code proxy-blackhole}, {@code iptables}, {@code sigstop},
 *               {@code proxy-drop-acks}, {@code libfaketime}, {@code node-offset}, {@code recorded-only}
 * @param status real, cooperative, simulated or unavailable
 * @param reason why it is simulated or unavailable (null when real)
 */
public record Mechanism(String name, MechanismStatus status, String reason) {
}
