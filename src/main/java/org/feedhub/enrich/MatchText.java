package org.feedhub.enrich;

import java.util.List;
import org.feedhub.text.Stems;
import org.feedhub.text.Words;

/**
 * One text prepared for phrase matching: its folded words ({@link Words}) and, only once a stem
 * matcher asks, its stems ({@link Stems}). Lets a caller that tries many matchers on one story
 * split it once. Not thread-safe: make one per text and use it on one thread.
 */
public final class MatchText {
    private final String text;
    private List<String> words;
    private List<String> stems;

    private MatchText(String text) {
        this.text = text == null ? "" : text;
    }

    public static MatchText of(String text) {
        return new MatchText(text);
    }

    public List<String> words() {
        if (words == null) {
            words = Words.of(text);
        }
        return words;
    }

    public List<String> stems() {
        if (stems == null) {
            stems = Stems.of(text);
        }
        return stems;
    }
}
