package org.feedhub.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.feedhub.normalize.ItemKeys;
import org.feedhub.normalize.Story;

/**
 * Feeds whose guids cannot be trusted: some reuse one guid for different stories, others give the
 * same story a new guid on every fetch. Such a source is switched to identifying its items by
 * canonical link.
 */
public final class GuidPolicy {
    private GuidPolicy() {}

    /** True when two items of one fetch share a guid but link to different stories. */
    public static boolean guidsReused(List<Story> stories) {
        Map<String, String> linkByGuid = new HashMap<>();
        for (Story s : stories) {
            if (s.guid() == null || s.guid().isBlank() || s.canonicalUrl() == null) continue;
            String previous = linkByGuid.putIfAbsent(s.guid().trim(), s.canonicalUrl());
            if (previous != null && !previous.equals(s.canonicalUrl())) return true;
        }
        return false;
    }

    /**
     * The same story keyed by its canonical link (or, without one, by title and text) instead of
     * its guid.
     */
    public static Story keyedByLink(Story s) {
        String key = ItemKeys.of(null, s.canonicalUrl(), s.title(), s.text());
        if (Objects.equals(key, s.itemKey())) return s;
        return new Story(
                key,
                s.guid(),
                s.canonicalUrl(),
                s.link(),
                s.title(),
                s.author(),
                s.published(),
                s.updated(),
                s.contentHtml(),
                s.paragraphs(),
                s.categories(),
                s.contentHash(),
                s.tags(),
                s.summary(),
                s.media(),
                s.leadImage());
    }
}
