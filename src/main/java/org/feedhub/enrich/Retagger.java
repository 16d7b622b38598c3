package org.feedhub.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;

/**
 * Re-applies the current tag vocabulary to a stored story ({@code retag}). Vocabulary tags are
 * recomputed from the stored title and text; the other tags a story carries (its feed's categories,
 * entity tags) are kept, as stored tags cannot tell a category from a tag of a vocabulary since
 * changed. The sources' current {@code tags} are added.
 */
public final class Retagger {
    private final Tagger tagger;
    private final Set<String> vocabulary = new HashSet<>();
    private final FeedsConfig config;

    public Retagger(FeedsConfig config) {
        this.config = config;
        this.tagger = Tagger.of(config.vocabulary());
        config.tags().keySet().forEach(t -> vocabulary.add(Tagger.key(t)));
    }

    /**
     * @param stored the tags stored with the story
     * @param carriers the ids of the sources that carried it
     * @param title the stored title
     * @param text the stored text (paragraphs, one per line)
     */
    public List<String> retag(
            List<String> stored, List<String> carriers, String title, String text) {
        List<String> kept =
                stored.stream().filter(t -> !vocabulary.contains(Tagger.key(t))).toList();
        List<String> sourceTags =
                carriers.stream()
                        .flatMap(id -> config.source(id).stream())
                        .map(SourceDef::tags)
                        .flatMap(List::stream)
                        .toList();
        String matchable = text == null ? "" : Boilerplate.matchable(List.of(text.split("\n")));
        return tagger.tagsOf(
                sourceTags,
                kept,
                MatchText.of(title == null ? "" : title),
                MatchText.of(matchable));
    }
}
