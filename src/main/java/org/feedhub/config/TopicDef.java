package org.feedhub.config;

import java.util.List;

/**
 * One entry of {@code topics:}.
 *
 * @param sources source ids; empty means every source
 * @param match   never null; an empty {@code any} lets every story of the sources in
 * @param limit   entries in the live feed
 */
public record TopicDef(String id, String title, String description, List<String> sources, Match match, int limit) {

    public static final int DEFAULT_LIMIT = 50;

    /** {@code match:} of a topic: phrases matched as whole words, case- and accent-insensitive. */
    public record Match(List<String> any, List<String> none) {
        public static final Match ALL = new Match(List.of(), List.of());
    }
}
