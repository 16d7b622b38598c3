package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;
import org.feedhub.normalize.HtmlText;
import org.feedhub.text.TextClean;
import org.feedhub.text.Words;

/**
 * A plain-text summary of a story: its first one to three sentences of own text, within {@value
 * #MAX_CHARS} characters. Extractive on purpose: the summary quotes the source and never says what
 * the story did not. Captions, credits, bylines and boilerplate are passed over ({@link
 * Boilerplate}).
 */
public final class Summarizer {

    public static final int MAX_CHARS = 300;
    private static final int MAX_SENTENCES = 3;
    private static final String ELLIPSIS = "\u2026";
    private static final String[] CLAUSE_MARKS = {", ", "; ", ": ", " - "};

    private Summarizer() {}

    /** Summary of the story's paragraphs; the title when they hold no usable text. */
    public static String summarize(String title, List<String> paragraphs) {
        return summarize(title, paragraphs, null);
    }

    /**
     * Summary of the story's paragraphs; when they hold no usable text, of {@code feedSummary} (the
     * feed's own description, plain text or HTML); failing both, the title.
     */
    public static String summarize(String title, List<String> paragraphs, String feedSummary) {
        String cleanTitle = TextClean.clean(title);
        List<String> titleWords = Words.of(cleanTitle);
        List<String> sentences = storySentences(titleWords, paragraphs);
        if (sentences.isEmpty() && feedSummary != null) {
            sentences = storySentences(titleWords, HtmlText.paragraphs(feedSummary, true));
        }
        return sentences.isEmpty() ? cleanTitle : assemble(sentences);
    }

    /** The leading sentences of the story's own text; stops once there is enough for a summary. */
    private static List<String> storySentences(List<String> titleWords, List<String> paragraphs) {
        List<String> sentences = new ArrayList<>();
        if (paragraphs == null) {
            return sentences;
        }
        int chars = 0;
        for (String raw : paragraphs) {
            String paragraph = TextClean.clean(raw);
            if (Boilerplate.isNotStory(paragraph) || Words.of(paragraph).equals(titleWords)) {
                continue;
            }
            for (String sentence : Sentences.split(paragraph)) {
                String s = Boilerplate.stripLead(sentence);
                if (s.codePoints().noneMatch(Character::isLetterOrDigit)
                        || Words.of(s).equals(titleWords)
                        || Boilerplate.isPrompt(s)) { // "… could not be trusted. Read more"
                    continue;
                }
                sentences.add(s);
                chars += s.length() + 1;
                if (sentences.size() >= MAX_SENTENCES || chars > MAX_CHARS) {
                    return sentences;
                }
            }
        }
        return sentences;
    }

    private static String assemble(List<String> sentences) {
        String first = sentences.get(0);
        if (first.length() > MAX_CHARS) {
            return cut(first);
        }
        StringBuilder sb = new StringBuilder(first);
        for (int i = 1; i < sentences.size(); i++) {
            String next = sentences.get(i);
            if (sb.length() + (endsWithWideStop(sb) ? 0 : 1) + next.length() > MAX_CHARS) {
                break; // whole sentences only, and no gaps: stop at the first that does not fit
            }
            if (!endsWithWideStop(sb)) {
                sb.append(' '); // Chinese and Japanese sentences follow each other without a space
            }
            sb.append(next);
        }
        return sb.toString();
    }

    private static boolean endsWithWideStop(CharSequence s) {
        char c = s.charAt(s.length() - 1);
        return c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
    }

    /**
     * A too-long first sentence, cut at the last clause boundary (a comma, semicolon, colon or
     * dash) in the last 40% of the room, else at a word boundary; marked as cut.
     */
    private static String cut(String sentence) {
        int limit = MAX_CHARS - ELLIPSIS.length();
        int clause = -1;
        for (String mark : CLAUSE_MARKS) {
            clause = Math.max(clause, sentence.lastIndexOf(mark, limit - mark.length()));
        }
        int end;
        if (clause >= limit * 6 / 10) {
            end = clause;
        } else {
            end = limit;
            while (end > 0 && !Character.isWhitespace(sentence.charAt(end))) {
                end--;
            }
            if (end == 0) {
                end = limit; // one enormous "word": cut inside it rather than return nothing
            }
        }
        String head = sentence.substring(0, end).stripTrailing();
        int keep = head.length();
        while (keep > 0 && ",;:-([\"'".indexOf(head.charAt(keep - 1)) >= 0) {
            keep--;
        }
        return head.substring(0, keep).stripTrailing() + ELLIPSIS;
    }
}
