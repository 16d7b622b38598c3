package org.feedhub.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.feedhub.app.LiveConfig;
import org.feedhub.config.ConfigException;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.TopicDef;
import org.feedhub.enrich.TopicExplainer;
import org.feedhub.normalize.CanonicalUrl;
import org.feedhub.store.StoryLookup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code explain TOPIC_ID LINK}: why a stored story is or is not in a topic, rule by rule, and
 * whether the store already files it that way. Reads only.
 */
final class Explain {
    private Explain() {}

    static int run(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (inv.arguments().size() != 2) {
            err.println("feedhub: usage: java -jar feedhub.jar explain TOPIC_ID LINK");
            return 2;
        }
        String topicId = inv.arguments().get(0);
        String link = inv.arguments().get(1);
        FeedsConfig config;
        try {
            config = FeedsConfigLoader.load(Commands.feedsPath(inv));
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            return 1;
        }
        Optional<TopicDef> topic = config.topic(topicId);
        if (topic.isEmpty()) {
            List<String> ids = config.topics().stream().map(TopicDef::id).toList();
            err.println(
                    "feedhub: explain: no topic '"
                            + topicId
                            + "' in feeds.yml (its topics: "
                            + (ids.isEmpty() ? "none" : String.join(", ", ids))
                            + ")");
            return 2;
        }
        try (ConfigurableApplicationContext ctx = Commands.batchContext(inv)) {
            FeedsConfig live = ctx.getBean(LiveConfig.class).config();
            TopicDef t = live.topic(topicId).orElse(topic.get());
            Optional<StoryLookup.Found> found =
                    new StoryLookup(ctx.getBean(JdbcTemplate.class))
                            .find(link, CanonicalUrl.canonicalize(link, null));
            if (found.isEmpty()) {
                err.println(
                        "feedhub: explain: no stored story has the link "
                                + link
                                + " (give the story's link as a feed lists it; run aggregate first if it is new)");
                return 1;
            }
            StoryLookup.Found f = found.get();
            out.println("story " + f.id() + ": " + f.story().title());
            if (f.link() != null) out.println("  link:       " + f.link());
            out.println(
                    "  carried by: "
                            + (f.carriers().isEmpty()
                                    ? "no source"
                                    : String.join(", ", f.carriers())));
            out.println(
                    "  tags:       "
                            + (f.story().tags().isEmpty()
                                    ? "none"
                                    : String.join(", ", f.story().tags())));
            TopicExplainer.Explanation e = TopicExplainer.explain(live, t, f.carriers(), f.story());
            out.println("topic " + t.id() + " (" + t.title() + "): " + (e.in() ? "IN" : "NOT IN"));
            for (String r : e.reasons()) out.println("  " + r);
            boolean filed = f.topics().contains(t.id());
            if (filed == e.in()) {
                out.println(
                        "stored: "
                                + (filed ? "filed under " : "not filed under ")
                                + t.id()
                                + ", as feeds.yml says");
            } else {
                out.println(
                        "stored: "
                                + (filed ? "still filed under " : "not filed under ")
                                + t.id()
                                + " yet; the server re-files stories when feeds.yml changes");
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("feedhub: explain could not run: " + Commands.rootMessage(e));
            return 1;
        }
    }
}
