package org.feedhub.claim;

import java.time.Instant;

/**
 * A holder of claims as the database shows it: from its heartbeat row, or from its claims alone
 * when it has no heartbeat row.
 *
 * @param pid null for claims taken before claims recorded their process
 * @param processStart null where unknown
 * @param heartbeatAt its last heartbeat (database time); null: it has no heartbeat row
 */
public record Holder(
        String instanceId,
        String passId,
        String host,
        Long pid,
        Instant processStart,
        Instant heartbeatAt) {

    /** "pass P (process 123 on host H)", for log lines and notes. */
    public String describe() {
        return "pass "
                + (passId == null ? "?" : passId)
                + " (process "
                + (pid == null ? "?" : pid)
                + " on host "
                + (host == null ? "?" : host)
                + ")";
    }
}
