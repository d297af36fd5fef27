package dev.quorumbench.host;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A process {@link LocalHost} started, backed by the JDK's {@link Process} (which also reaps it). */
final class LocalProcess implements HostProcess {

    private final Process process;

    LocalProcess(Process process) {
        this.process = process;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public boolean awaitExit(long timeoutMs) {
        try {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public List<Long> descendants() {
        return process.descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }
}
