package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Arrays;

/**
 * Fuzz tests of the parse stage. A plain build replays the empty input and every file under {@code
 * ParseFuzzTestInputs/METHOD/} (seeds, and each case fuzzing found); {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=ParseFuzzTest#METHOD} fuzzes that one test for its {@code maxDuration}. Inputs are
 * raw bytes so that a case is a readable file.
 */
class ParseFuzzTest {
    static final String[] CONTENT_TYPES = {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "text/html",
        "application/xml; charset=windows-1251",
        ""
    };

    final FeedParser parser = new FeedParser();

    /**
     * The first byte picks the Content-Type ({@code '0'} RSS … {@code '5'} none), the rest is the
     * body: the result is a feed of items within their caps, or a ParseException; nothing else.
     */
    @FuzzTest(maxDuration = "30s")
    void feedBytes(byte[] input) {
        String contentType =
                input.length == 0 ? "" : CONTENT_TYPES[(input[0] & 0xff) % CONTENT_TYPES.length];
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        try {
            ParsedFeed feed = parser.parse(body, contentType, "https://x.test/feed", null);
            for (ParsedItem item : feed.items()) {
                assertThat(length(item.link())).isLessThanOrEqualTo(FieldCaps.LINK);
                assertThat(length(item.title())).isLessThanOrEqualTo(FieldCaps.TITLE);
                assertThat(length(item.author())).isLessThanOrEqualTo(FieldCaps.AUTHOR);
            }
        } catch (ParseException refused) {
            // a clear refusal is a correct answer to bad bytes
        }
    }

    /**
     * Any text as a date: an instant or null, never an exception; an instant read back from its ISO
     * form is the same instant.
     */
    @FuzzTest(maxDuration = "30s")
    void looseDates(byte[] input) {
        String text = new String(input, UTF_8);
        Instant at = LooseDates.parse(text);
        LooseDates.zoneOf(text);
        if (at != null && at.getEpochSecond() >= 0 && at.getEpochSecond() < 253_402_300_800L) {
            assertThat(LooseDates.parse(at.toString())).isEqualTo(at);
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
