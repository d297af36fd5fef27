package dev.quorumbench.netns;

/**
 * How one host of a namespace cluster is doing.
 *
 * @param namespace its network namespace
 * @param address   its address on the cluster's bridge
 * @param present   whether the namespace exists
 * @param sshdPid   the pid of its sshd, or -1 when unknown
 * @param ssh       {@code ok} when the harness logged in over SSH and ran a command there, else why not
 */
public record HostStatus(String namespace, String address, boolean present, long sshdPid, String ssh) {

    public boolean up() {
        return present && "ok".equals(ssh);
    }
}
