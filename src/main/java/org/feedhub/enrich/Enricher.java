package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;

import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;

/**
 * Attaches tags (source, feed categories, vocabulary and, when switched on, recurring names) and an extractive
 * summary to a story. Immutable and thread-safe.
 */
public final class Enricher {
    private final Tagger tagger;
    private final boolean entityTags;

    public Enricher(FeedsConfig config) {
        this(config, false);
    }

    /** @param entityTags whether names the story keeps mentioning become tags too ({@link EntityTagger}) */
    public Enricher(FeedsConfig config, boolean entityTags) {
        this.tagger = Tagger.of(config.vocabulary());
        this.entityTags = entityTags;
    }

    public Story enrich(Story s, SourceDef source, String feedSummaryText) {
        List<String> tags = tagger.tagsOf(source.tags(), s.categories(), MatchText.of(s.title()), MatchText.of(s.text()));
        List<String> ownText = ownParagraphs(s);
        if (entityTags) {
            List<String> names = EntityTagger.entities(s.title(), ownText, tags);
            if (!names.isEmpty()) {
                List<String> all = new ArrayList<>(tags);
                all.addAll(names);
                tags = all;
            }
        }
        String summary = Summarizer.summarize(s.title(), ownText, feedSummaryText);
        return s.enriched(tags, summary);
    }

    /**
     * The story's paragraphs without image captions ({@code <figcaption>}), for the summary and names: a caption
     * never belongs in a summary. (Matching still reads captions: they name what the story is about.)
     */
    private static List<String> ownParagraphs(Story s) {
        String html = s.contentHtml();
        if (html != null && html.contains("<figcaption")) {
            return HtmlText.paragraphs(html, true);
        }
        return s.paragraphs();
    }
}
