package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.normalize.HtmlText;
import org.feedhub.normalize.Story;

/**
 * Attaches tags (source, feed categories, vocabulary and, when switched on, recurring names) and an
 * extractive summary to a story. Vocabulary phrases are looked for in the title, the text and the
 * feed's own description, leaving out what never tells what a story is about: "Read more" and
 * "Related:" links, share and subscribe prompts, bylines and credit lines ({@link TopicMatcher}
 * reads a story the same way). Immutable and thread-safe.
 */
public final class Enricher {
    private final Tagger tagger;
    private final EntityTagger entityTagger;

    public Enricher(FeedsConfig config) {
        this(config, false);
    }

    /**
     * @param entityTags whether names the story keeps mentioning become tags too ({@link
     *     EntityTagger})
     */
    public Enricher(FeedsConfig config, boolean entityTags) {
        this.tagger = Tagger.of(config.vocabulary());
        this.entityTagger = entityTags ? new EntityTagger(config.vocabulary()) : null;
    }

    public Story enrich(Story s, SourceDef source, String feedSummaryText) {
        List<String> ownText = ownParagraphs(s);
        String summary = Summarizer.summarize(s.title(), ownText, feedSummaryText);
        String body = Boilerplate.matchable(s.paragraphs());
        // the feed's own description is part of the item: it counts for tags as it does for
        // topics
        MatchText text =
                feedSummaryText != null && !feedSummaryText.isBlank()
                        ? MatchText.of(
                                body, Boilerplate.matchable(List.of(feedSummaryText.split("\n"))))
                        : MatchText.of(body);
        List<String> tags =
                tagger.tagsOf(source.tags(), s.categories(), MatchText.of(s.title()), text);
        if (entityTagger != null) {
            List<String> names = entityTagger.entities(s.title(), ownText, tags);
            if (!names.isEmpty()) {
                List<String> all = new ArrayList<>(tags);
                all.addAll(names);
                tags = all;
            }
        }
        return s.enriched(tags, summary);
    }

    /**
     * The story's paragraphs without image captions ({@code <figcaption>}), for the summary and
     * names: a caption never belongs in a summary. (Matching still reads captions: they name what
     * the story is about.)
     */
    private static List<String> ownParagraphs(Story s) {
        if (s.paragraphs() instanceof HtmlText.Paragraphs read) {
            return read.withoutCaptions(); // normalized just now: no second parse
        }
        String html = s.contentHtml();
        if (html != null && html.contains("<figcaption")) {
            return HtmlText.paragraphs(html, true);
        }
        return s.paragraphs();
    }
}
