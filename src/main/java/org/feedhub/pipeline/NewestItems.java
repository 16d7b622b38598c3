package org.feedhub.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.parse.ParsedFeed;
import org.feedhub.parse.ParsedItem;

/**
 * The cap on items taken from one feed per poll: the newest {@code max} (by date; items without one
 * count as older than any dated item, and among equals the feed's order decides), kept in the
 * feed's order. A feed of 60,000 items otherwise costs 60,000 stories in one poll.
 */
final class NewestItems {
    private NewestItems() {}

    static ParsedFeed keep(ParsedFeed feed, int max) {
        List<ParsedItem> items = feed.items();
        if (items.size() <= max) return feed;
        List<ParsedItem> byDate = new ArrayList<>(items);
        byDate.sort(
                Comparator.comparing(
                        NewestItems::date, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<ParsedItem, Boolean> kept = new IdentityHashMap<>();
        for (ParsedItem i : byDate.subList(0, max)) kept.put(i, true);
        List<ParsedItem> inFeedOrder = new ArrayList<>(max);
        for (ParsedItem i : items) if (kept.containsKey(i)) inFeedOrder.add(i);
        List<String> warnings = new ArrayList<>(feed.warnings());
        warnings.add(
                "took the "
                        + max
                        + " newest of "
                        + items.size()
                        + " items (feedhub.poll.max-items)");
        return new ParsedFeed(
                feed.title(), feed.siteLink(), feed.baseUrl(), inFeedOrder, warnings, feed.image());
    }

    private static Instant date(ParsedItem i) {
        return i.published() != null ? i.published() : i.updated();
    }
}
