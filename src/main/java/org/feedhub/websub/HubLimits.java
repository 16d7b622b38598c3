package org.feedhub.websub;

/**
 * What one client may ask of the hub ({@code feedhub.hub.*}), besides the per-callback-host bounds
 * of {@link HubSettings}. Each verification costs up to three outbound requests, so what waits for
 * one is bounded overall and per client, and {@code POST /hub} is rate-limited per client.
 *
 * @param maxPending requests waiting for verification at most, from all clients
 * @param maxPendingPerClient requests waiting for verification at most from one client address
 * @param requestsPerMinute {@code POST /hub} requests a minute from one client address (bursts up
 *     to the same number)
 */
public record HubLimits(int maxPending, int maxPendingPerClient, int requestsPerMinute) {
    public static final HubLimits DEFAULTS = new HubLimits(0, 0, 0);

    public HubLimits {
        if (maxPending <= 0) maxPending = 1000;
        if (maxPendingPerClient <= 0) maxPendingPerClient = 50;
        if (requestsPerMinute <= 0) requestsPerMinute = 60;
    }
}
