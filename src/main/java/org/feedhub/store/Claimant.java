package org.feedhub.store;

import java.time.Instant;

/**
 * Who takes a claim on a source: the instance (as {@code claimed_by}), its pass, and its process
 * (host, pid, start time), so that another pass can tell at once whether the holder still lives.
 *
 * @param processStart null where the platform does not say
 */
public record Claimant(
        String instanceId, String passId, String host, Long pid, Instant processStart) {

    /** A claimant known by its instance id only (its claims last until the lease runs out). */
    public static Claimant named(String instanceId) {
        return new Claimant(instanceId, null, null, null, null);
    }
}
