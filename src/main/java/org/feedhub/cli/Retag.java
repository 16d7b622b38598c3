package org.feedhub.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.feedhub.app.LiveConfig;
import org.feedhub.config.TopicDef;
import org.feedhub.enrich.Retagger;
import org.feedhub.store.StoredTags;
import org.feedhub.store.TopicIndex;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code retag}: applies the current tag vocabulary to every stored story, then re-files every
 * story under the topics, and reports what changed per tag and per topic.
 */
final class Retag {
    private static final int MAX_LINES = 20;

    private Retag() {}

    static int run(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (!inv.arguments().isEmpty()) {
            err.println(
                    "feedhub: retag takes no arguments, got '"
                            + String.join(" ", inv.arguments())
                            + "'");
            return 2;
        }
        if (!Commands.configValid(inv, err)) return 1;
        try (ConfigurableApplicationContext ctx = Commands.batchContext(inv)) {
            LiveConfig live = ctx.getBean(LiveConfig.class);
            StoredTags stored =
                    new StoredTags(
                            ctx.getBean(JdbcTemplate.class),
                            ctx.getBean(PlatformTransactionManager.class));
            Set<String> tagsBefore = stored.tagPairs();
            Set<String> filedBefore = stored.filings();
            Retagger retagger = new Retagger(live.config());
            int read =
                    stored.rewriteAll(
                            r -> retagger.retag(r.tags(), r.carriers(), r.title(), r.text()));
            TopicIndex index = ctx.getBean(TopicIndex.class);
            index.forgetRulesKey();
            LiveConfig.Snapshot snap = live.current();
            index.reindexIfChanged(
                    snap.topicRulesKey(),
                    snap.config().topics().stream().map(TopicDef::id).collect(Collectors.toSet()),
                    snap.matcher()::topicsFor,
                    ctx.getBean(Clock.class).instant());
            Set<String> tagsAfter = stored.tagPairs();
            Set<String> filedAfter = stored.filings();
            Map<String, int[]> tagDiff = diff(tagsBefore, tagsAfter);
            long changedStories =
                    java.util.stream.Stream.concat(
                                    minus(tagsBefore, tagsAfter).stream(),
                                    minus(tagsAfter, tagsBefore).stream())
                            .map(p -> p.substring(p.lastIndexOf('|') + 1))
                            .distinct()
                            .count();
            out.printf(
                    "retag: %s read, tags changed on %d%n",
                    read == 1 ? "1 story" : read + " stories", changedStories);
            print(out, "tag", tagDiff);
            Map<String, int[]> topicDiff = diff(filedBefore, filedAfter);
            if (topicDiff.isEmpty()) out.println("topics: no story joined or left a topic");
            else print(out, "topic", topicDiff);
            return 0;
        } catch (RuntimeException e) {
            err.println("feedhub: retag could not run: " + Commands.rootMessage(e));
            return 1;
        }
    }

    private static void print(PrintStream out, String what, Map<String, int[]> diff) {
        int shown = 0;
        for (Map.Entry<String, int[]> e : diff.entrySet()) {
            if (shown++ == MAX_LINES) {
                out.printf("  … and %d more %ss%n", diff.size() - MAX_LINES, what);
                break;
            }
            out.printf("  %s %s: +%d −%d%n", what, e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
    }

    /** Per key (the part before the last '|'): pairs added and removed. */
    private static Map<String, int[]> diff(Set<String> before, Set<String> after) {
        Map<String, int[]> out = new TreeMap<>();
        for (String p : minus(after, before)) out.computeIfAbsent(key(p), k -> new int[2])[0]++;
        for (String p : minus(before, after)) out.computeIfAbsent(key(p), k -> new int[2])[1]++;
        return out;
    }

    private static String key(String pair) {
        return pair.substring(0, pair.lastIndexOf('|'));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
    }
}
