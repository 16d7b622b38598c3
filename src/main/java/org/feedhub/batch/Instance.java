package org.feedhub.batch;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * This process among the instances sharing one database: its name (host, pid, a random suffix, as
 * claims record it) and how long its claims on sources last if it dies.
 */
public record Instance(String id, Duration lease) {

    public static Instance create(Duration lease) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String id =
                host
                        + ":"
                        + ProcessHandle.current().pid()
                        + ":"
                        + UUID.randomUUID().toString().substring(0, 8);
        return new Instance(id.length() > 200 ? id.substring(id.length() - 200) : id, lease);
    }
}
