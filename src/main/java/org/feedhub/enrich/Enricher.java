package org.feedhub.enrich;

import java.util.List;

import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.normalize.Story;

/** Attaches tags (source, feed categories, vocabulary) and an extractive summary to a story. */
public final class Enricher {
    private final Tagger tagger;

    public Enricher(FeedsConfig config) {
        this.tagger = new Tagger(config.tags());
    }

    public Story enrich(Story s, SourceDef source, String feedSummaryText) {
        List<String> tags = tagger.tags(source.tags(), s.categories(), s.title(), s.text());
        String summary = Summarizer.summarize(s.title(), s.paragraphs(), feedSummaryText);
        return s.enriched(tags, summary);
    }
}
