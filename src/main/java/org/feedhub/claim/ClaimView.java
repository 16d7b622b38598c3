package org.feedhub.claim;

import java.time.Instant;

/** A source's current claim, as {@code /api/sources} shows it. */
public record ClaimView(String pass, String host, Long pid, Instant until) {}
