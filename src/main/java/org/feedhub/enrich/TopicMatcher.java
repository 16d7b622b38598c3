package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.normalize.Words;
import org.feedhub.normalize.Story;

/**
 * Which topics a story joins when a source carries it: the source must be one of the topic's sources, some
 * {@code match.any} phrase must occur (or none be given) and no {@code match.none} phrase may, as whole
 * words in the title, summary or text — the same matcher the tag vocabulary uses.
 */
public final class TopicMatcher {
    private record Rule(String topicId, Set<String> sources, PhraseMatcher any, PhraseMatcher none) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public TopicMatcher(FeedsConfig config) {
        for (TopicDef t : config.topics()) {
            Set<String> sources = Set.copyOf(config.sourcesOf(t).stream().map(SourceDef::id).toList());
            PhraseMatcher any = t.match().any().isEmpty() ? null : PhraseMatcher.of(t.match().any());
            PhraseMatcher none = t.match().none().isEmpty() ? null : PhraseMatcher.of(t.match().none());
            rules.add(new Rule(t.id(), sources, any, none));
        }
    }

    public List<String> topicsFor(String sourceId, Story s) {
        List<String> out = new ArrayList<>();
        List<String> words = null;   // the story's folded words, split once for all rules
        for (Rule r : rules) {
            if (!r.sources.contains(sourceId)) continue;
            if (r.any == null && r.none == null) {
                out.add(r.topicId);
                continue;
            }
            if (words == null) {
                words = Words.of(s.title() + "\n" + (s.summary() == null ? "" : s.summary()) + "\n" + s.text());
            }
            if (r.any != null && !r.any.matchesWords(words)) continue;
            if (r.none != null && r.none.matchesWords(words)) continue;
            out.add(r.topicId);
        }
        return out;
    }
}
