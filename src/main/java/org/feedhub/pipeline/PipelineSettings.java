package org.feedhub.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.feedhub.fulltext.FullTextSettings;

/**
 * @param stripParams query parameters removed from story links besides the built-in tracking ones
 * @param fullText limits for sources with {@code fulltext:}
 * @param processingDeadline how long one source's body may take from parse to enrichment (full text
 *     page fetches not counted: they have their own budget)
 * @param maxItems items taken from one feed per poll at most, the newest
 */
public record PipelineSettings(
        Collection<String> stripParams,
        FullTextSettings fullText,
        Duration processingDeadline,
        int maxItems) {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ITEMS = 500;
    public static final PipelineSettings DEFAULTS =
            new PipelineSettings(
                    List.of(), FullTextSettings.DEFAULTS, DEFAULT_DEADLINE, DEFAULT_MAX_ITEMS);
}
