package org.feedhub.dedup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the near-duplicate decision knows of a story: its shingle {@link Fingerprint}, the terms
 * that make its event (names and figures, each a 32-bit hash of its canonical spelling: {@code
 * n|лавр}, {@code f|3.10e9}, {@code f|d2026-03-14}) and where they stand (title, lead, anywhere),
 * and its published time. Built once from a story's text ({@link #of}); kept on the story row in
 * the compact form of {@link #encode} so another instance reads it back without the text.
 *
 * <p>Bounds: at most {@value #MAX_NAMES} names and {@value #MAX_FIGURES} figures per story, from at
 * most {@value #MAX_CHARS} characters of text.
 */
public final class Traits {
    static final int MAX_NAMES = 48;
    static final int MAX_FIGURES = 32;
    static final int MAX_CHARS = 20_000;

    /** A story with nothing to compare: too short, or no text. */
    public static final Traits NONE =
            new Traits(
                    Fingerprint.NONE,
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0]);

    final Fingerprint fingerprint;
    final int[] names; // sorted, distinct
    final int[] keyNames; // of the title or lead, mentioned twice or more
    final int[] figures;
    final int[] leadCoarse; // figures of the title and the first sentence, to one digit
    final int[] coarse; // all figures, to one digit
    final int[] leadDays; // days the title and the first sentence name (epoch days)

    /** Readable spelling of each term, when built from text (for explanations); else empty. */
    private final Map<Integer, String> labels;

    Traits(
            Fingerprint fingerprint,
            int[] names,
            int[] keyNames,
            int[] figures,
            int[] leadCoarse,
            int[] coarse,
            int[] leadDays) {
        this(fingerprint, names, keyNames, figures, leadCoarse, coarse, leadDays, Map.of());
    }

    private Traits(
            Fingerprint fingerprint,
            int[] names,
            int[] keyNames,
            int[] figures,
            int[] leadCoarse,
            int[] coarse,
            int[] leadDays,
            Map<Integer, String> labels) {
        this.fingerprint = Objects.requireNonNull(fingerprint);
        this.names = names;
        this.keyNames = keyNames;
        this.figures = figures;
        this.leadCoarse = leadCoarse;
        this.coarse = coarse;
        this.leadDays = leadDays;
        this.labels = labels;
    }

    /**
     * The traits of a story: {@code text} is its visible text, paragraphs separated by newlines;
     * {@code published} resolves "on Tuesday" to a day. Captions, credits, datelines and newsletter
     * lines are left out first ({@link StoryText}).
     */
    public static Traits of(String title, String text, Instant published) {
        String t = title == null ? "" : cut(title, 2000);
        StoryText body = StoryText.of(text == null ? "" : cut(text, MAX_CHARS));
        Fingerprint fp = Fingerprint.of(t, body.text());
        LocalDate day = published == null ? null : published.atZone(ZoneOffset.UTC).toLocalDate();
        Map<Integer, String> labels = new HashMap<>();
        Names.Found found = Names.of(t, body.text(), body.lead(), MAX_NAMES);
        List<String> inTitle = Figures.of(t, day, MAX_FIGURES);
        List<String> lead = new ArrayList<>(inTitle);
        lead.addAll(Figures.of(body.lead(), day, MAX_FIGURES));
        List<String> all = new ArrayList<>(inTitle);
        all.addAll(Figures.of(body.text(), day, MAX_FIGURES));
        all = all.subList(0, Math.min(MAX_FIGURES, all.size()));
        return new Traits(
                fp,
                terms("n|", found.all(), labels),
                terms("n|", found.key(), labels),
                terms("f|", all, labels),
                terms("c|", lead.stream().map(Figures::coarse).limit(MAX_FIGURES).toList(), labels),
                terms("c|", all.stream().map(Figures::coarse).toList(), labels),
                days(lead),
                Map.copyOf(labels));
    }

    private static int[] days(List<String> figures) {
        return distinctSorted(
                figures.stream()
                        .filter(f -> f.startsWith("d") && f.length() == 11)
                        .mapToInt(f -> (int) LocalDate.parse(f.substring(1)).toEpochDay())
                        .toArray());
    }

    /** Whether the story names {@code day} anywhere. */
    boolean names(LocalDate day) {
        return Arrays.binarySearch(coarse, term("c|", "d" + day)) >= 0;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static int term(String prefix, String spelling) {
        return (int) Fingerprint.hash64(prefix + spelling);
    }

    private static int[] terms(String prefix, List<String> spellings, Map<Integer, String> labels) {
        int[] out = new int[spellings.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = term(prefix, spellings.get(k));
            labels.put(out[k], spellings.get(k));
        }
        return distinctSorted(out);
    }

    static int[] distinctSorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        int n = 0;
        for (int k = 0; k < s.length; k++) {
            if (k == 0 || s[k] != s[k - 1]) {
                s[n++] = s[k];
            }
        }
        return Arrays.copyOf(s, n);
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** Whether there is nothing to compare (no fingerprint). */
    public boolean isEmpty() {
        return fingerprint.isEmpty();
    }

    /** Every name and figure term (for the inverted index). */
    int[] terms() {
        int[] out = Arrays.copyOf(names, names.length + figures.length);
        System.arraycopy(figures, 0, out, names.length, figures.length);
        return distinctSorted(out);
    }

    /** These traits without the readable spellings (what an index keeps of a stored story). */
    Traits unlabelled() {
        return labels.isEmpty()
                ? this
                : new Traits(fingerprint, names, keyNames, figures, leadCoarse, coarse, leadDays);
    }

    /** The readable spelling of a term, or its hash when these traits were read back. */
    String label(int term) {
        String l = labels.get(term);
        return l != null ? l : String.format("#%08x", term);
    }

    /**
     * This story without its text, with the fingerprint kept apart: "names;key names;figures;lead
     * figures;figures", the two last but one to one digit; then the days of the lead.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        int[][] parts = {names, keyNames, figures, leadCoarse, coarse, leadDays};
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                sb.append(';');
            }
            for (int k = 0; k < parts[p].length; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(Integer.toHexString(parts[p][k]));
            }
        }
        return sb.toString();
    }

    /**
     * Traits from {@link #encode()} and the stored fingerprint; a malformed text gives names and
     * figures none (the fingerprint still counts).
     */
    public static Traits decode(Fingerprint fingerprint, String encoded) {
        if (encoded == null || encoded.length() > 8192) {
            return wordingOnly(fingerprint);
        }
        String[] parts = encoded.split(";", -1);
        if (parts.length != 6) {
            return wordingOnly(fingerprint);
        }
        try {
            int[][] p = new int[6][];
            for (int k = 0; k < 6; k++) {
                p[k] = parseHex(parts[k]);
            }
            return new Traits(fingerprint, p[0], p[1], p[2], p[3], p[4], p[5]);
        } catch (NumberFormatException e) {
            return wordingOnly(fingerprint);
        }
    }

    /** The fingerprint with no names, figures or dates: a row whose traits cannot be read. */
    private static Traits wordingOnly(Fingerprint fingerprint) {
        int[] none = new int[0];
        return new Traits(fingerprint, none, none, none, none, none, none);
    }

    private static int[] parseHex(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] h = s.split(",", 200);
        int[] out = new int[Math.min(h.length, 128)];
        for (int k = 0; k < out.length; k++) {
            out[k] = Integer.parseUnsignedInt(h[k], 16);
        }
        return distinctSorted(out);
    }
}
