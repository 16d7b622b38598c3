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
 * and topics both read a story's body: the words of the last two long parts split on this thread
 * are kept, so the body is split once per story, not once per reader (they were 8% of a cold pass).
 */
public final class MatchText {
    /** Parts shorter than this are split again rather than compared with the kept one. */
    private static final int KEPT_PART_LENGTH = 256;

    /** The last two long parts split on this thread (a summary comes between two bodies). */
    private static final ThreadLocal<Kept[]> LAST = ThreadLocal.withInitial(() -> new Kept[2]);

    private record Kept(String part, List<String> words) {}

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
                words = wordsOf(parts[0]);
            } else {
                List<String> all = new ArrayList<>();
                for (String p : parts) {
                    all.addAll(wordsOf(p)); // a line break never joins two words
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

    private static List<String> wordsOf(String part) {
        if (part.length() < KEPT_PART_LENGTH) {
            return Words.of(part);
        }
        Kept[] kept = LAST.get();
        for (Kept k : kept) {
            if (k != null && k.part.equals(part)) {
                return k.words;
            }
        }
        List<String> w = List.copyOf(Words.of(part));
        kept[1] = kept[0];
        kept[0] = new Kept(part, w);
        return w;
    }
}
