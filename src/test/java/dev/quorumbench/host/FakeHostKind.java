package dev.quorumbench.host;

/**
 * The test double of a kind of host, registered in {@code META-INF/services} as a plug-in would be, so a target
 * profile's {@code "host": "fake"} runs a whole campaign (through JMH) on a {@link FakeHost}: one per JVM, with
 * pids from 9,000,000 on, which no real process has (Linux's pid_max is at most 4,194,304).
 */
public final class FakeHostKind implements HostKind {

    public static final long FIRST_PID = 9_000_000L;

    private static final FakeHost HOST = new FakeHost(FIRST_PID);

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Host open() {
        return HOST;
    }

    /**
     * A plug-in that claims the built-in {@code local}'s name: it must never be used, because a registered kind
     * never shadows a built-in one ({@code HostsTest}).
     */
    public static final class ShadowsLocal implements HostKind {
        @Override
        public String name() {
            return Hosts.LOCAL;
        }

        @Override
        public Host open() {
            throw new AssertionError("a plug-in shadowed the built-in local host");
        }
    }
}
