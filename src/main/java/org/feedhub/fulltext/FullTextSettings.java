package org.feedhub.fulltext;

import java.time.Duration;

/**
 * How much work full text may cost per source and pass.
 *
 * @param maxArticles at most this many article pages are fetched per source and pass; pages fetched
 *     in an earlier pass of this process are reused without a fetch and do not count
 * @param minFeedText a story whose feed text has at least this many characters is taken as complete
 * @param timeBudget no new article fetch starts after this long spent on one source's articles
 */
public record FullTextSettings(int maxArticles, int minFeedText, Duration timeBudget) {
    public static final FullTextSettings DEFAULTS =
            new FullTextSettings(20, 500, Duration.ofSeconds(60));
}
