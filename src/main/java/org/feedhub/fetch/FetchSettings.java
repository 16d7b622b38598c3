package org.feedhub.fetch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the fetcher behaves; plain values so the fetch stage needs no Spring.
 *
 * @param fileRoot {@code file:} URLs are allowed only below this folder (the folder of feeds.yml)
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration responseTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int perHost,
        boolean allowPrivateNetworks,
        String userAgent,
        Path fileRoot) {

    public static final String DEFAULT_USER_AGENT =
            "feedhub/" + Version.current() + " (+https://github.com/feedhub/feedhub)";

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) userAgent = DEFAULT_USER_AGENT;
        fileRoot = fileRoot.toAbsolutePath().normalize();
    }
}
