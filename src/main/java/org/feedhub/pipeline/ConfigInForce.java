package org.feedhub.pipeline;

import org.feedhub.config.FeedsConfig;
import org.feedhub.enrich.Enricher;
import org.feedhub.enrich.TopicMatcher;

/** The feeds.yml in force with what is derived from it, taken once per pass. */
public record ConfigInForce(FeedsConfig config, Enricher enricher, TopicMatcher matcher) {}
