package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;
import org.feedhub.text.Stems;
import org.feedhub.text.Words;

/**
 * One text prepared for phrase matching: its folded words ({@link Words}) and, only once a stem
 * matcher asks, its stems ({@link Stems}). Lets a caller that tries many matchers on one story
 * split it once. Not thread-safe: make one per text and use it on one thread.
 *
 * <p>A text may be given in parts (title, summary, body), read as if joined by line breaks. Tags
 * and topics both read a story's body; {@link Words#of} keeps the words of the lines it last split
 * on this thread, so the body is split once per story, not once per reader.
 */
public final class MatchText {
    private final String[] parts;
    private List<String> words;
    private List<String> stems;

    private MatchText(String[] parts) {
        this.parts = parts;
    }

    public static MatchText of(String text) {
        return new MatchText(new String[] {text == null ? "" : text});
    }

    /** The parts read as one text joined by line breaks (a null part is empty). */
    public static MatchText of(String... parts) {
        String[] p = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            p[i] = parts[i] == null ? "" : parts[i];
        }
        return new MatchText(p);
    }

    public List<String> words() {
        if (words == null) {
            if (parts.length == 1) {
                words = Words.of(parts[0]);
            } else {
                List<String> all = new ArrayList<>();
                for (String p : parts) {
                    all.addAll(Words.of(p)); // a line break never joins two words
                }
                words = all;
            }
        }
        return words;
    }

    public List<String> stems() {
        if (stems == null) {
            stems = Stems.of(parts.length == 1 ? parts[0] : String.join("\n", parts));
        }
        return stems;
    }
}
