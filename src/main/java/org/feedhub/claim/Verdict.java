package org.feedhub.claim;

/** Whether a holder's claims still hold, and if not, why they are free. */
public enum Verdict {
    HELD(null),
    PROCESS_ENDED("its process has ended"),
    PID_REUSED("its process has ended (the pid now belongs to another process)"),
    HEARTBEAT_STOPPED("its heartbeat stopped"),
    NO_HEARTBEAT("it has no heartbeat");

    private final String reason;

    Verdict(String reason) {
        this.reason = reason;
    }

    public boolean free() {
        return this != HELD;
    }

    /** Why the claims are free, for log lines; null when they hold. */
    public String reason() {
        return reason;
    }
}
