package org.feedhub.dedup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures and dates of a text, normalised so that spellings of one quantity meet: "$3.1
 * billion", "3.1 bln dollars" and "3,1 млрд долларов" all give {@code 3.1e9}; "52,000", "52 000"
 * and "52 тыс." give {@code 52000}; "2.3 mln" and "2.3 million" give {@code 2.3e6}; "5%" and "5
 * percent" give {@code 5%}; a score "2-1" or "2:1" gives {@code 2:1}; "March 14", "14 марта" and
 * (for a story published that week) "on Saturday" give the same day. A hand-written scanner, one
 * pass over the text: no regular expression, linear time.
 */
final class Figures {
    private Figures() {}

    /** A figure as a term: its canonical spelling ("3.1e9", "5%", "2:1", "d2026-03-14"). */
    record Figure(String term) {}

    private static final Map<String, Double> SCALES =
            Map.ofEntries(
                    Map.entry("thousand", 1e3),
                    Map.entry("thousands", 1e3),
                    Map.entry("k", 1e3),
                    Map.entry("тыс", 1e3),
                    Map.entry("тысяч", 1e3),
                    Map.entry("тысячи", 1e3),
                    Map.entry("тысяча", 1e3),
                    Map.entry("million", 1e6),
                    Map.entry("millions", 1e6),
                    Map.entry("mln", 1e6),
                    Map.entry("mn", 1e6),
                    Map.entry("m", 1e6),
                    Map.entry("млн", 1e6),
                    Map.entry("миллион", 1e6),
                    Map.entry("миллиона", 1e6),
                    Map.entry("миллионов", 1e6),
                    Map.entry("billion", 1e9),
                    Map.entry("billions", 1e9),
                    Map.entry("bln", 1e9),
                    Map.entry("bn", 1e9),
                    Map.entry("b", 1e9),
                    Map.entry("млрд", 1e9),
                    Map.entry("миллиард", 1e9),
                    Map.entry("миллиарда", 1e9),
                    Map.entry("миллиардов", 1e9),
                    Map.entry("trillion", 1e12),
                    Map.entry("tn", 1e12),
                    Map.entry("trln", 1e12),
                    Map.entry("трлн", 1e12),
                    Map.entry("триллион", 1e12),
                    Map.entry("триллиона", 1e12),
                    Map.entry("триллионов", 1e12));

    private static final Map<String, Integer> MONTHS = months();

    /**
     * Every word the checks below compare a word token with (besides the maps' keys), and every
     * start they test a word for. The scanner spells out only the words that could be one of these
     * ({@link Scanner#mayBeRead}); a check for a new word must add it here.
     */
    private static final List<String> WORDS_READ =
            List.of("yesterday", "вчера", "bp", "bps", "basis", "per", "cent");

    private static final List<String> STARTS_READ =
            List.of("percent", "процент", "базисн", "point", "пункт");

    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    /**
     * The figures of {@code text}, in order, at most {@code max}; dates resolved against {@code
     * published}.
     */
    static List<String> of(String text, LocalDate published, int max) {
        return of(text, published, max, false);
    }

    /** With {@code allWords}, as first written: every word spelled out ({@link Scanner}). */
    static List<String> of(String text, LocalDate published, int max, boolean allWords) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Scanner s = new Scanner(text, allWords);
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size() && out.size() < max; i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.NUMBER) {
                i = number(tokens, i, published, out);
            } else if (t.kind == Kind.WORD) {
                String w = t.text;
                if (w == Scanner.OTHER_WORD) continue; // read by no check below
                DayOfWeek dow = WEEKDAYS.get(w);
                if (dow != null && published != null) {
                    LocalDate d = published;
                    while (d.getDayOfWeek() != dow) {
                        d = d.minusDays(1);
                    }
                    out.add("d" + d);
                } else if (published != null && (w.equals("yesterday") || w.equals("вчера"))) {
                    out.add("d" + published.minusDays(1));
                } else if (MONTHS.containsKey(w)
                        && i + 1 < tokens.size()
                        && tokens.get(i + 1).kind == Kind.NUMBER
                        && tokens.get(i + 1).isDayOfMonth()) {
                    out.add(date(published, MONTHS.get(w), (int) tokens.get(i + 1).value));
                    i++;
                }
            }
        }
        return out;
    }

    /** Reads the number at {@code i} with what qualifies it; returns the last token used. */
    private static int number(List<Token> tokens, int i, LocalDate published, List<String> out) {
        Token t = tokens.get(i);
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        // A date: "14 March", "14 марта".
        if (next != null
                && next.kind == Kind.WORD
                && t.isDayOfMonth()
                && MONTHS.containsKey(next.text)) {
            out.add(date(published, MONTHS.get(next.text), (int) t.value));
            return i + 1;
        }
        // A score or a time: "2-1", "2:1".
        if (next != null
                && next.kind == Kind.SCORE_SEP
                && i + 2 < tokens.size()
                && tokens.get(i + 2).kind == Kind.NUMBER
                && t.isSmallInteger()
                && tokens.get(i + 2).isSmallInteger()
                && next.adjacent) {
            out.add((long) t.value + ":" + (long) tokens.get(i + 2).value);
            return i + 2;
        }
        double v = t.value;
        int last = i;
        boolean percent = false;
        if (next != null && next.kind == Kind.WORD && SCALES.containsKey(next.text)) {
            // a lone "m" or "b" counts only right after the number ("$3m"), not as a word
            if (next.text.length() > 1 || next.adjacent) {
                v *= SCALES.get(next.text);
                last = i + 1;
            }
        }
        Token after = last + 1 < tokens.size() ? tokens.get(last + 1) : null;
        if (after != null
                && ((after.kind == Kind.SYMBOL && after.text.equals("%"))
                        || (after.kind == Kind.WORD
                                && (after.text.startsWith("percent")
                                        || after.text.startsWith("процент"))))) {
            percent = true;
            last++;
        } else if (after != null
                && after.kind == Kind.WORD
                && (after.text.equals("bp")
                        || after.text.equals("bps")
                        || ((after.text.equals("basis") || after.text.startsWith("базисн"))
                                && last + 2 < tokens.size()
                                && (tokens.get(last + 2).text.startsWith("point")
                                        || tokens.get(last + 2).text.startsWith("пункт"))))) {
            v /= 100; // 250 basis points = 2.5 percentage points
            percent = true;
            last += after.text.startsWith("bp") ? 1 : 2;
        } else if (after != null
                && after.kind == Kind.WORD
                && after.text.equals("per")
                && last + 2 < tokens.size()
                && tokens.get(last + 2).text.equals("cent")) {
            percent = true;
            last += 2;
        }
        out.add(canonical(v) + (percent ? "%" : ""));
        return last;
    }

    /**
     * Three significant digits, so "3.1 billion" and "3,100,000,000" meet (whole numbers under
     * 10,000 exact).
     */
    static String canonical(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 10_000) { // a year stays exact
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2e", v).replace("e+0", "e").replace("e+", "e");
    }

    /**
     * One significant digit, for telling conflicting figures from two spellings of one ("7,900" and
     * "almost 8,000" both give 8e3): dates and scores stay as they are.
     */
    static String coarse(String figure) {
        if (figure.startsWith("d") || figure.indexOf(':') >= 0) {
            return figure;
        }
        // without its unit: "15.75" and "15.25%" in one sentence are one kind of figure
        String num = figure.endsWith("%") ? figure.substring(0, figure.length() - 1) : figure;
        try {
            double v = Double.parseDouble(num);
            return String.format(Locale.ROOT, "%.0e", v);
        } catch (NumberFormatException e) {
            return figure;
        }
    }

    private static String date(LocalDate published, int month, int day) {
        int year = published == null ? 2000 : published.getYear();
        LocalDate d;
        try {
            d = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return "d--" + month + "-" + day;
        }
        if (published != null && d.isAfter(published.plusDays(60))) {
            d = d.minusYears(1);
        }
        return "d" + d;
    }

    enum Kind {
        WORD,
        NUMBER,
        SYMBOL,
        SCORE_SEP
    }

    /** A word (lower case), a number (its value), a symbol or a score separator. */
    static final class Token {
        final Kind kind;
        final String text;
        final double value;
        final boolean integer;

        /** No space between this token and the one before. */
        final boolean adjacent;

        Token(Kind kind, String text, double value, boolean integer, boolean adjacent) {
            this.kind = kind;
            this.text = text;
            this.value = value;
            this.integer = integer;
            this.adjacent = adjacent;
        }

        boolean isDayOfMonth() {
            return kind == Kind.NUMBER && integer && value >= 1 && value <= 31;
        }

        boolean isSmallInteger() {
            return kind == Kind.NUMBER && integer && value < 100 && text.length() <= 2;
        }
    }

    /** Splits text into tokens; numbers join their thousands groups and decimal part. */
    static final class Scanner {
        /**
         * A word no check reads, in place of its text: most words of a story are such words, and
         * spelling each out in lower case was a third of what finding figures cost.
         */
        static final String OTHER_WORD = "";

        /**
         * By first letter (a-z, then а-я), the lengths a word read by a check can have: bit k for
         * length k, bit 63 for 63 and more. A word whose first letter is outside both alphabets is
         * always spelled out.
         */
        private static final long[] READ_LENGTHS = readLengths();

        private final String s;
        private final boolean allWords;
        private int i;

        Scanner(String s) {
            this(s, false);
        }

        /** With {@code allWords}, every word is spelled out: the scanner as first written. */
        Scanner(String s, boolean allWords) {
            this.s = s;
            this.allWords = allWords;
        }

        /** Whether a word of this first letter and length could be one a check reads. */
        static boolean mayBeRead(char first, int length) {
            int k = letterIndex(Character.toLowerCase(first));
            return k < 0 || (READ_LENGTHS[k] & (1L << Math.min(length, 63))) != 0;
        }

        private static int letterIndex(char lower) {
            if (lower >= 'a' && lower <= 'z') return lower - 'a';
            if (lower >= 'а' && lower <= 'я') return 26 + (lower - 'а');
            return -1;
        }

        private static long[] readLengths() {
            long[] lengths = new long[26 + 32];
            List<String> words = new ArrayList<>(WORDS_READ);
            words.addAll(MONTHS.keySet());
            words.addAll(WEEKDAYS.keySet());
            words.addAll(SCALES.keySet());
            for (String w : words) lengths[index(w)] |= 1L << Math.min(w.length(), 63);
            for (String w : STARTS_READ) lengths[index(w)] |= -1L << Math.min(w.length(), 63);
            return lengths;
        }

        private static int index(String w) {
            int k = letterIndex(w.charAt(0));
            if (k < 0)
                throw new IllegalStateException("a word read must start in a-z or а-я: " + w);
            return k;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            int n = s.length();
            int prevEnd = -1;
            while (i < n) {
                char c = s.charAt(i);
                int start = i;
                boolean adjacent = start == prevEnd;
                if (Character.isDigit(c)) {
                    out.add(number(adjacent));
                } else if (Character.isLetter(c)) {
                    while (i < n && Character.isLetter(s.charAt(i))) {
                        i++;
                    }
                    String word =
                            !allWords && !mayBeRead(c, i - start)
                                    ? OTHER_WORD
                                    : s.substring(start, i).toLowerCase(Locale.ROOT);
                    out.add(new Token(Kind.WORD, word, 0, false, adjacent));
                } else if (c == '-' || c == ':' || c == '–') {
                    i++;
                    out.add(new Token(Kind.SCORE_SEP, String.valueOf(c), 0, false, adjacent));
                } else if (c == '%' || c == '$' || c == '€' || c == '£' || c == '₽') {
                    i++;
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), 0, false, adjacent));
                } else {
                    i++;
                    if (!Character.isWhitespace(c)) {
                        // other punctuation breaks adjacency and sequences ("2, 1" is no score)
                        out.add(new Token(Kind.SYMBOL, String.valueOf(c), 0, false, adjacent));
                    }
                    continue;
                }
                prevEnd = i;
            }
            return out;
        }

        private static boolean isGroupSpace(char c) {
            return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
        }

        private int digitsAt(int p) {
            int q = p;
            while (q < s.length() && Character.isDigit(s.charAt(q))) {
                q++;
            }
            return q - p;
        }

        private Token number(boolean adjacent) {
            int start = i;
            int n = s.length();
            StringBuilder digits = new StringBuilder();
            int first = digitsAt(i);
            digits.append(s, i, i + first);
            i += first;
            boolean grouped = false;
            String fraction = null;
            // thousands groups: ",000" anywhere after a group of 1-3 digits; " 000" likewise
            while (i + 1 < n && digits.length() <= 15) {
                char c = s.charAt(i);
                int d = digitsAt(i + 1);
                boolean groupStart = grouped || first <= 3;
                if ((c == ',' || isGroupSpace(c)) && d == 3 && groupStart && fraction == null) {
                    digits.append(s, i + 1, i + 4);
                    i += 4;
                    grouped = true;
                } else if ((c == '.' || c == ',') && d >= 1 && fraction == null) {
                    fraction = s.substring(i + 1, i + 1 + d);
                    i += 1 + d;
                    break;
                } else {
                    break;
                }
            }
            String raw = s.substring(start, i);
            double v;
            try {
                v = Double.parseDouble(digits + (fraction == null ? "" : "." + fraction));
            } catch (NumberFormatException e) {
                v = 0;
            }
            return new Token(Kind.NUMBER, raw, v, fraction == null, adjacent);
        }
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"january", "jan", "января", "январь"},
            {"february", "feb", "февраля", "февраль"},
            {"march", "mar", "марта", "март"},
            {"april", "apr", "апреля", "апрель"},
            {"may", "мая", "май"},
            {"june", "jun", "июня", "июнь"},
            {"july", "jul", "июля", "июль"},
            {"august", "aug", "августа", "август"},
            {"september", "sep", "sept", "сентября", "сентябрь"},
            {"october", "oct", "октября", "октябрь"},
            {"november", "nov", "ноября", "ноябрь"},
            {"december", "dec", "декабря", "декабрь"}
        };
        for (int k = 0; k < names.length; k++) {
            for (String n : names[k]) {
                m.put(n, k + 1);
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> m = new java.util.HashMap<>();
        String[][] names = {
            {"monday", "понедельник"},
            {"tuesday", "вторник"},
            {"wednesday", "среду", "среда"},
            {"thursday", "четверг"},
            {"friday", "пятницу", "пятница"},
            {"saturday", "субботу", "суббота"},
            {"sunday", "воскресенье"}
        };
        for (int k = 0; k < names.length; k++) {
            for (String n : names[k]) {
                m.put(n, DayOfWeek.of(k + 1));
            }
        }
        return Map.copyOf(m);
    }
}
