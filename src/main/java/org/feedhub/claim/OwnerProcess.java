package org.feedhub.claim;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A process that holds claims: the host it runs on, its pid, and when it started (which tells a
 * reused pid from the original process).
 *
 * @param start null where the platform does not say
 */
public record OwnerProcess(String host, long pid, Instant start) {

    /** This JVM, on {@code host} (blank: the machine's host name). */
    public static OwnerProcess current(String host) {
        ProcessHandle self = ProcessHandle.current();
        return new OwnerProcess(
                host == null || host.isBlank() ? machineName() : host.strip(),
                self.pid(),
                self.info().startInstant().orElse(null));
    }

    static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
