package org.feedhub.fetch;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** At most {@code perHost} requests at once to one host, however many sources it serves. */
final class HostLimiter {
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        this.perHost = perHost;
    }

    Semaphore acquire(String host) throws InterruptedException {
        Semaphore s =
                permits.computeIfAbsent(
                        host.toLowerCase(java.util.Locale.ROOT), h -> new Semaphore(perHost, true));
        s.acquire();
        return s;
    }
}
