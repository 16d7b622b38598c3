package org.feedhub.parse;

/**
 * The longest value each item field may have, in characters, applied as an item is parsed and
 * before any pattern reads it. The link, guid and image caps match their database columns (a longer
 * one could not be stored, so it is dropped rather than cut into a wrong address); text fields are
 * cut.
 */
public final class FieldCaps {
    /** An item's title (the story column holds 2,000). */
    public static final int TITLE = 2_000;

    /** An author's name (the column holds 500). */
    public static final int AUTHOR = 500;

    /** A link, guid or image address (the columns hold 2,048). */
    public static final int LINK = 2_048;

    /** An image's {@code src} (or lazy-loading attribute) inside an item's HTML. */
    public static final int SRC = 2_048;

    /** An image's {@code srcset}, which lists several addresses. */
    public static final int SRCSET = 4 * SRC;

    /** The summary (description) HTML; RSS feeds without content:encoded put the article here. */
    public static final int SUMMARY = 200_000;

    /** A category name. */
    public static final int CATEGORY = 200;

    /** Categories kept per item. */
    public static final int CATEGORIES = 100;

    /** A date as written, before it is read. */
    public static final int DATE = 200;

    private FieldCaps() {}

    /** {@code s} cut to {@code max} characters (not inside a surrogate pair); null stays null. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** {@code s}, or null when it is longer than {@code max}: an address must not be cut. */
    public static String dropIfLonger(String s, int max) {
        return s == null || s.length() <= max ? s : null;
    }
}
