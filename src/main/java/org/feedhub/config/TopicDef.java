package org.feedhub.config;

import java.util.List;

/**
 * One entry of {@code topics:}.
 *
 * @param sources source ids; empty means every source
 * @param match never null; an empty {@code any} lets every story of the sources in
 * @param limit entries in the live feed
 * @param language the language of its stories (a BCP 47 tag such as {@code en}), may be null
 */
public record TopicDef(
        String id,
        String title,
        String description,
        List<String> sources,
        Match match,
        int limit,
        String language) {

    public TopicDef(
            String id,
            String title,
            String description,
            List<String> sources,
            Match match,
            int limit) {
        this(id, title, description, sources, match, limit, null);
    }

    public static final int DEFAULT_LIMIT = 50;

    /**
     * {@code match:} of a topic. A story joins when some {@code any} phrase occurs in it or it
     * carries one of {@code tags} (when neither is given: every story), and no {@code none} phrase
     * occurs in it.
     *
     * @param any phrases matched as whole words, case- and accent-insensitive
     * @param none phrases that keep a story out, matched the same way
     * @param tags tag names, compared case- and accent-insensitively with the story's tags
     * @param stem whether {@code any} and {@code none} match by word stems; the topic's own {@code
     *     stem:}, else {@code defaults.stem}
     */
    public record Match(List<String> any, List<String> none, List<String> tags, boolean stem) {
        public static final Match ALL = new Match(List.of(), List.of());

        /** Exact-word phrases only. */
        public Match(List<String> any, List<String> none) {
            this(any, none, List.of(), false);
        }

        /** Whether every story of the topic's sources joins. */
        public boolean everything() {
            return any.isEmpty() && none.isEmpty() && tags.isEmpty();
        }
    }
}
