package org.feedhub.claim;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When another pass's claims are free (besides a lease that ran out, which the claim query itself
 * checks):
 *
 * <ul>
 *   <li>On the same host, the process table decides at once: the holder's pid is gone, or belongs
 *       to a process that started at another time (a reused pid): free. The process is there: held,
 *       whatever its heartbeat says (it may be busy; the lease bounds a process that hangs).
 *   <li>On another host, the heartbeat decides: none renewed within the timeout: free.
 *   <li>A holder with no heartbeat row whose claims name a process has shut down or was taken over:
 *       free. Claims from before claims named their process wait for their lease.
 * </ul>
 */
public final class ClaimRules {
    /**
     * Start times read from the process table may differ by rounding; pids are not reused so fast.
     */
    static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private final OwnerProcess me;
    private final Duration heartbeatTimeout;
    private final ProcessProbe probe;

    public ClaimRules(OwnerProcess me, Duration heartbeatTimeout, ProcessProbe probe) {
        this.me = me;
        this.heartbeatTimeout = heartbeatTimeout;
        this.probe = probe;
    }

    /**
     * @param dbNow the database's clock, the one heartbeats are written with
     */
    public Verdict judge(Holder h, Instant dbNow) {
        if (h.pid() != null && me.host().equals(h.host())) {
            Optional<Instant> start = probe.startOf(h.pid());
            if (start.isEmpty()) return Verdict.PROCESS_ENDED;
            if (sameStart(start.get(), h.processStart())) return Verdict.HELD;
            return Verdict.PID_REUSED;
        }
        if (h.heartbeatAt() == null) return h.pid() == null ? Verdict.HELD : Verdict.NO_HEARTBEAT;
        if (h.heartbeatAt().plus(heartbeatTimeout).isBefore(dbNow))
            return Verdict.HEARTBEAT_STOPPED;
        return Verdict.HELD;
    }

    private static boolean sameStart(Instant seen, Instant recorded) {
        if (recorded == null || seen.equals(Instant.MIN)) return true; // unknown: the pid decides
        return Duration.between(seen, recorded).abs().compareTo(START_TOLERANCE) <= 0;
    }
}
