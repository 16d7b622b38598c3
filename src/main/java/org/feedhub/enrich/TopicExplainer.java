package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.normalize.Story;

/**
 * Why a story is or is not in a topic, in the words of feeds.yml: the source rule, the {@code any}
 * phrases and {@code tags} that let it in, the {@code none} phrase that vetoed it. Follows {@link
 * TopicMatcher}'s rule step by step (a test holds the two to the same verdicts).
 */
public final class TopicExplainer {

    /** The verdict and the reasons, one line each. */
    public record Explanation(boolean in, List<String> reasons) {}

    private TopicExplainer() {}

    /**
     * @param carriers the ids of the sources that carried the story
     */
    public static Explanation explain(
            FeedsConfig config, TopicDef topic, List<String> carriers, Story s) {
        List<String> reasons = new ArrayList<>();
        Set<String> topicSources =
                config.sourcesOf(topic).stream().map(SourceDef::id).collect(Collectors.toSet());
        List<String> qualifying = carriers.stream().filter(topicSources::contains).toList();
        String sourceRule =
                topic.sources().isEmpty()
                        ? "the topic takes every source"
                        : "the topic takes sources " + String.join(", ", topic.sources());
        if (qualifying.isEmpty()) {
            reasons.add(
                    "sources: no — carried by "
                            + (carriers.isEmpty()
                                    ? "no source still listed"
                                    : String.join(", ", carriers))
                            + ", but "
                            + sourceRule);
            return new Explanation(false, reasons);
        }
        reasons.add(
                "sources: yes — carried by " + String.join(", ", qualifying) + "; " + sourceRule);
        TopicDef.Match m = topic.match();
        if (m.everything()) {
            reasons.add("match: none given, so every story of those sources joins");
            return new Explanation(true, reasons);
        }
        String how = m.stem() ? " (by word stems)" : " (exact words)";
        MatchText text =
                MatchText.of(s.title(), s.summary(), Boilerplate.matchable(s.paragraphs()));
        boolean in = m.any().isEmpty() && m.tags().isEmpty();
        if (in) reasons.add("any/tags: none given, so the story joins unless a none phrase vetoes");
        if (!m.tags().isEmpty()) {
            Set<String> storyKeys =
                    (s.tags() == null ? List.<String>of() : s.tags())
                            .stream().map(Tagger::key).collect(Collectors.toSet());
            List<String> hit =
                    m.tags().stream().filter(t -> storyKeys.contains(Tagger.key(t))).toList();
            if (!hit.isEmpty()) {
                in = true;
                reasons.add("tags: yes — the story carries " + quoted(hit));
            } else {
                reasons.add(
                        "tags: no — it carries none of "
                                + quoted(m.tags())
                                + " (its tags: "
                                + (s.tags() == null || s.tags().isEmpty()
                                        ? "none"
                                        : String.join(", ", s.tags()))
                                + ")");
            }
        }
        if (!m.any().isEmpty()) {
            List<String> hit = PhraseMatcher.of(m.any(), m.stem()).occurringIn(text);
            if (!hit.isEmpty()) {
                in = true;
                reasons.add("any: yes — " + quoted(hit) + " occurs" + how);
            } else {
                reasons.add("any: no — none of " + quoted(m.any()) + " occurs" + how);
            }
        }
        if (!m.none().isEmpty()) {
            List<String> veto = PhraseMatcher.of(m.none(), m.stem()).occurringIn(text);
            if (!veto.isEmpty()) {
                reasons.add(
                        "none: vetoed — "
                                + quoted(veto)
                                + " occurs"
                                + how
                                + (in ? "; a none phrase always wins" : ""));
                in = false;
            } else {
                reasons.add("none: no veto — none of " + quoted(m.none()) + " occurs" + how);
            }
        }
        return new Explanation(in, reasons);
    }

    private static String quoted(List<String> phrases) {
        return phrases.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
    }
}
