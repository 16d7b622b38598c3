package org.feedhub.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;

/**
 * Small formatting helpers for the jte templates (public because the generated templates live
 * elsewhere).
 */
public final class PageSupport {

    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private PageSupport() {}

    /** RFC 3339 UTC, for {@code <time datetime>}; null for null. */
    public static String iso(Instant t) {
        return t == null ? null : FeedWriting.rfc3339(t);
    }

    /** e.g. {@code 5 May 2024, 14:07 UTC}; empty for null. */
    public static String human(Instant t) {
        return t == null ? "" : HUMAN.format(t);
    }

    /**
     * As {@link RelativeTime#of}: {@code 3 hours ago}, {@code yesterday}, a date; empty for null.
     */
    public static String relative(Instant t, Instant now) {
        return RelativeTime.of(t, now);
    }

    /** The date shown for a story: published, else updated (may be null). */
    public static Instant shownDate(EntryView e) {
        return e.published() != null ? e.published() : e.updated();
    }

    /** The URL if it is an absolute http(s) URL (safe to link to), else null. */
    public static String webUrl(String url) {
        return FeedWriting.webUrl(url);
    }

    /** The source's title, else its id. */
    public static String sourceName(CarrierView c) {
        return FeedWriting.sourceName(c);
    }

    /**
     * The author to show after "by": the story's own, unless it only repeats the name of a source
     * that carried it (the page then says "via" that source once, not "by Wire Desk · via Wire
     * Desk"); null for none.
     */
    public static String byline(EntryView e) {
        if (e.author() == null || e.author().isBlank()) return null;
        String author = e.author().strip();
        for (CarrierView c : carriers(e)) {
            if (author.equalsIgnoreCase(sourceName(c).strip())) return null;
        }
        return author;
    }

    /** The story's title, or a placeholder when it has none. */
    public static String title(EntryView e) {
        return e.title() == null || e.title().isBlank() ? "(untitled)" : e.title();
    }

    public static List<CarrierView> carriers(EntryView e) {
        return e.carriers() == null ? List.of() : e.carriers();
    }

    public static List<String> tags(EntryView e) {
        return e.tags() == null
                ? List.of()
                : e.tags().stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** {@code 1 story}, {@code 12 stories}. */
    public static String stories(long n) {
        return n == 1 ? "1 story" : n + " stories";
    }
}
