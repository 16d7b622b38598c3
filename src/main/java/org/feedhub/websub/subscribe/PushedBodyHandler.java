package org.feedhub.websub.subscribe;

/**
 * Runs a body a hub pushed for a source through the same pipeline as a polled body (parse,
 * normalize, de-duplicate, enrich, store). Implemented in the application's wiring over the
 * pipeline; may throw with a one-line reason when the body is refused (not a feed, …).
 */
public interface PushedBodyHandler {
    void accept(String sourceId, byte[] body, String contentType);
}
