package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedStylesheetTest {
    private final FeedRenderer renderer = new FeedRenderer();

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aServedFeedNamesTheServersStylesheet() {
        assertThat(text(renderer.rss(Fixtures.feed())))
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>");
    }

    @Test
    void anExportedFeedNamesItsOwnCopyRelativeToItself() {
        String rss = text(FeedWriting.restyled(renderer.rss(Fixtures.feed()), "../feed.xsl"));
        assertThat(rss)
                .startsWith("<?xml")
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"../feed.xsl\"?>")
                .doesNotContain("\"/feed.xsl\"");
        String atom = text(FeedWriting.restyled(renderer.atom(Fixtures.feed()), "../feed.xsl"));
        assertThat(atom).contains("href=\"../feed.xsl\"?>");
    }

    @Test
    void aJsonFeedHasNoStylesheetAndStaysAsItIs() {
        byte[] json = renderer.json(Fixtures.feed());
        assertThat(FeedWriting.restyled(json, "../feed.xsl")).isSameAs(json);
    }

    @Test
    void onlyTheStylesheetLineChanges() {
        String rss = text(renderer.rss(Fixtures.feed()));
        String restyled = text(FeedWriting.restyled(rss.getBytes(StandardCharsets.UTF_8), "x.xsl"));
        assertThat(restyled.length() - rss.length())
                .isEqualTo("x.xsl".length() - "/feed.xsl".length());
    }
}
