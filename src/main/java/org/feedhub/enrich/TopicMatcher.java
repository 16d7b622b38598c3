package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.normalize.Story;

/**
 * Which topics a story joins when a source carries it. The source must be one of the topic's
 * sources; then
 *
 * <pre>
 *   joins = (no any and no tags given  OR  some any phrase occurs  OR  the story carries one of the tags)
 *           AND no none phrase occurs
 * </pre>
 *
 * Phrases occur as whole words in the title, summary or text (without "Read more"/"Related:" links,
 * prompts, bylines and credits: {@link Boilerplate#matchable}), by the same matcher the tag
 * vocabulary uses ({@link PhraseMatcher}: exact words, or stems with {@code stem: true}); tags
 * compare case- and accent-insensitively with the story's tags (source tags, feed categories,
 * vocabulary and entity tags, all given by {@link Enricher} before the store files the story). A
 * {@code none} phrase always keeps a story out, even one that carries a listed tag.
 */
public final class TopicMatcher {
    private record Rule(
            String topicId,
            Set<String> sources,
            PhraseMatcher any,
            PhraseMatcher none,
            Set<String> tags) {
        boolean everything() {
            return any == null && none == null && tags.isEmpty();
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public TopicMatcher(FeedsConfig config) {
        for (TopicDef t : config.topics()) {
            Set<String> sources =
                    Set.copyOf(config.sourcesOf(t).stream().map(SourceDef::id).toList());
            TopicDef.Match m = t.match();
            PhraseMatcher any = m.any().isEmpty() ? null : PhraseMatcher.of(m.any(), m.stem());
            PhraseMatcher none = m.none().isEmpty() ? null : PhraseMatcher.of(m.none(), m.stem());
            Set<String> tags = new HashSet<>();
            for (String tag : m.tags()) tags.add(Tagger.key(tag));
            rules.add(new Rule(t.id(), sources, any, none, Set.copyOf(tags)));
        }
    }

    public List<String> topicsFor(String sourceId, Story s) {
        List<String> out = new ArrayList<>();
        MatchText text = null; // the story's words (and stems), split once for all rules
        Set<String> storyTags = null;
        for (Rule r : rules) {
            if (!r.sources.contains(sourceId)) continue;
            if (r.everything()) {
                out.add(r.topicId);
                continue;
            }
            if (text == null) {
                text = MatchText.of(s.title(), s.summary(), Boilerplate.matchable(s.paragraphs()));
            }
            boolean in = r.any == null && r.tags.isEmpty();
            if (!in && !r.tags.isEmpty()) {
                if (storyTags == null) storyTags = keys(s.tags());
                in = r.tags.stream().anyMatch(storyTags::contains);
            }
            if (!in && r.any != null) in = r.any.occursIn(text);
            if (in && r.none != null && r.none.occursIn(text)) in = false;
            if (in) out.add(r.topicId);
        }
        return out;
    }

    private static Set<String> keys(List<String> tags) {
        Set<String> keys = new HashSet<>();
        if (tags != null) {
            for (String tag : tags) keys.add(Tagger.key(tag));
        }
        return keys;
    }
}
