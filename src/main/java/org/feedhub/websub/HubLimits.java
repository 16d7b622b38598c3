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
public record HubLimits(int maxPending, int maxPendingPerClient, int requestsPerMinute) {}
