package org.feedhub.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Reads the fixtures under src/test/resources/parse/. */
final class ParseFixtures {
    private ParseFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = ParseFixtures.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFeed parse(String name, String contentType, String url) throws ParseException {
        return new FeedParser().parse(bytes(name), contentType, url, null);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
