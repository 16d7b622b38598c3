package org.feedhub.enrich;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences. {@link BreakIterator} breaks after every "word." followed by a
 * capital, which cuts news text after titles ("Gen. Mattis"), initials ("J. Smith") and
 * abbreviations ("U.S."), and after a quote closed before its attribution ("«Ready!» - said he").
 * Those pieces are joined back here.
 */
public final class Sentences {

    /** Abbreviations that practically never end a sentence: always joined to what follows. */
    private static final Set<String> ALWAYS_JOIN =
            Set.of(
                    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt",
                    "maj", "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "amb", "st",
                    "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                    "oct", "nov", "dec", "vs", "cf", "approx", "fig", "vol", "pp", "ca", "dept",
                    "им", "ул", "проф", "акад", "св", "тов", "стр", "см", "ср", "гос", "г-н",
                    "г-жа", "рис");

    /**
     * Abbreviations that also end sentences ("…moved to the U.S. He said"): joined unless the next
     * piece starts with a word that typically starts a sentence.
     */
    private static final Set<String> USUALLY_JOIN =
            Set.of(
                    "inc", "corp", "ltd", "co", "jr", "sr", "al", "bros", "г", "гг", "млн", "млрд",
                    "тыс", "руб", "долл", "н.э", "т.е", "т.к", "u.s", "u.k", "u.n", "e.u", "e.g",
                    "i.e");

    /**
     * Abbreviations that close a list and so usually a sentence: a capital after them starts a new
     * one.
     */
    private static final Set<String> LIST_END = Set.of("etc", "т.д", "т.п", "др");

    private static final Set<String> SENTENCE_STARTERS =
            Set.of(
                    "the",
                    "a",
                    "an",
                    "he",
                    "she",
                    "it",
                    "they",
                    "we",
                    "i",
                    "you",
                    "his",
                    "her",
                    "its",
                    "their",
                    "our",
                    "this",
                    "that",
                    "these",
                    "those",
                    "there",
                    "but",
                    "and",
                    "or",
                    "so",
                    "yet",
                    "in",
                    "on",
                    "at",
                    "as",
                    "after",
                    "before",
                    "when",
                    "while",
                    "if",
                    "however",
                    "meanwhile",
                    "also",
                    "some",
                    "many",
                    "most",
                    "both",
                    "then",
                    "now",
                    "what",
                    "why",
                    "how",
                    "who",
                    "for",
                    "with",
                    "during",
                    "since",
                    "according",
                    "one",
                    "two",
                    "several",
                    "earlier",
                    "later",
                    "last",
                    "он",
                    "она",
                    "оно",
                    "они",
                    "мы",
                    "я",
                    "вы",
                    "это",
                    "этот",
                    "эта",
                    "эти",
                    "но",
                    "и",
                    "а",
                    "в",
                    "на",
                    "по",
                    "как",
                    "так",
                    "при",
                    "после",
                    "однако",
                    "также",
                    "тогда",
                    "кроме",
                    "ранее",
                    "позже");

    private static final Pattern DOTTED_INITIALS = Pattern.compile("(?:\\p{L}\\.){2,}");

    /** "2018 г.", "2020-2021 гг.": a year (or years) before the abbreviation. */
    private static final Pattern YEAR_BEFORE = Pattern.compile("\\d{4}\\s*(?:гг?)\\.$");

    private Sentences() {}

    /** Sentences of {@code text} in order, trimmed; empty for null or blank text. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        StringBuilder pending = new StringBuilder();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String piece = text.substring(start, end).strip();
            if (piece.isEmpty()) {
                continue;
            }
            if (pending.length() > 0 && !continues(pending, piece)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
            if (pending.length() > 0) {
                pending.append(' ');
            }
            pending.append(piece);
        }
        if (pending.length() > 0) {
            out.add(pending.toString());
        }
        return out;
    }

    /**
     * Whether {@code next} continues the sentence in {@code previous} rather than starting a new
     * one.
     */
    static boolean continues(CharSequence previous, String next) {
        if (startsLowercase(next)) {
            return true; // "«Ready!» - said he", "the U.S. economy", "т.е. президент"
        }
        String prev = previous.toString();
        if (!prev.endsWith(".")) {
            return false;
        }
        String last = lastToken(prev);
        String word = last.substring(0, last.length() - 1).toLowerCase(Locale.ROOT);
        if (word.codePointCount(0, word.length()) == 1
                && Character.isUpperCase(last.codePointAt(0))) {
            return true; // an initial: "J. Smith", "В. Путин"
        }
        if (LIST_END.contains(word)) {
            return false;
        }
        if (ALWAYS_JOIN.contains(word)) {
            return true;
        }
        if ((word.equals("г") || word.equals("гг"))
                && YEAR_BEFORE.matcher(prev).find()
                && words(prev) > 4) {
            return false; // "…больше, чем в 2018 г. Доходы …": a year closing a clause ends the
            // sentence
        }
        if (USUALLY_JOIN.contains(word) || DOTTED_INITIALS.matcher(last).matches()) {
            return !SENTENCE_STARTERS.contains(firstWord(next));
        }
        return false;
    }

    private static int words(String s) {
        return s.strip().split("\\s+").length;
    }

    private static boolean startsLowercase(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                return Character.isLowerCase(cp);
            }
            if (Character.isDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Last whitespace-separated token, without opening quotes or brackets. */
    private static String lastToken(String s) {
        int space = s.length() - 1;
        while (space >= 0 && !Character.isWhitespace(s.charAt(space))) {
            space--;
        }
        String token = s.substring(space + 1);
        int i = 0;
        while (i < token.length() - 1 && !Character.isLetterOrDigit(token.charAt(i))) {
            i++;
        }
        return token.substring(i);
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(i, end).toLowerCase(Locale.ROOT);
    }
}
