package org.feedhub.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.feedhub.FeedhubProperties;
import org.feedhub.config.ConfigException;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.config.SourceDef;
import org.feedhub.enrich.Enricher;
import org.feedhub.enrich.TopicMatcher;
import org.feedhub.fetch.HttpFetcher;
import org.feedhub.identify.Identifier;
import org.feedhub.identify.KnownItems;
import org.feedhub.identify.NearDuplicateMatcher;
import org.feedhub.normalize.Story;
import org.feedhub.pipeline.ConfigInForce;
import org.feedhub.pipeline.PipelineSettings;
import org.feedhub.pipeline.SourcePipeline;
import org.feedhub.store.FetchOutcome;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code preview SOURCE_ID}: fetches one source now and prints what feedhub would take from it
 * (each story's title, link, date, summary, tags and topics, and the warnings) without a database
 * and without storing anything, so an editor can write and correct {@code html:} selectors in
 * minutes. The same stages as a pass: the fetcher with the {@code feedhub.fetch.*} settings, then
 * parse, full text, normalize and enrich.
 */
final class Preview {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SUMMARY_WIDTH = 300;

    private Preview() {}

    /**
     * The {@code feedhub.*} settings as the server would see them, without starting anything else.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FeedhubProperties.class)
    static class Settings {}

    /** The settings preview reads: the typed {@code feedhub.*} ones and the database's. */
    record Resolved(FeedhubProperties props, Commands.Settings settings) {}

    /**
     * The settings as the server would see them, resolved once (the files are read once): from
     * Spring's property sources without starting an application when {@link QuickSettings} can,
     * else from a settings context.
     */
    static Resolved resolve(Main.Invocation inv) {
        var quick = QuickSettings.environment(inv.settings(), Path.of("").toAbsolutePath());
        if (quick.isPresent())
            return new Resolved(
                    QuickSettings.bind(quick.get(), "feedhub", FeedhubProperties.class),
                    Commands.settings(quick.get()));
        try (ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(Settings.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .bannerMode(Banner.Mode.OFF)
                        .properties(Map.of("logging.level.root", "WARN"))
                        .run(inv.settings())) {
            return new Resolved(
                    ctx.getBean(FeedhubProperties.class), Commands.settings(ctx.getEnvironment()));
        }
    }

    static int run(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (inv.arguments().size() != 1) {
            err.println("feedhub: usage: java -jar feedhub.jar preview SOURCE_ID");
            return 2;
        }
        String id = inv.arguments().get(0);
        Resolved resolved;
        try {
            resolved = resolve(inv);
        } catch (RuntimeException e) {
            if (BadSetting.describe(e).isPresent()) throw e; // Main says which, as for any command
            err.println("feedhub: bad settings: " + Commands.rootMessage(e));
            return 1;
        }
        FeedhubProperties props = resolved.props();
        FeedsConfig config;
        try {
            config = FeedsConfigLoader.load(Path.of(props.feeds()));
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            return 1;
        }
        SourceDef def = config.source(id).orElse(null);
        if (def == null) {
            List<String> ids = config.sources().stream().map(SourceDef::id).toList();
            err.println(
                    "feedhub: no source '"
                            + id
                            + "' in "
                            + config.file()
                            + " (its sources: "
                            + String.join(", ", ids.size() > 20 ? ids.subList(0, 20) : ids)
                            + (ids.size() > 20 ? ", …" : "")
                            + ")");
            return 1;
        }
        Instant now = Instant.now();
        // Nothing is stored: every item comes out new, so every item is shown enriched.
        TopicMatcher topics = new TopicMatcher(config);
        FetchOutcome o;
        try (HttpFetcher fetcher =
                new HttpFetcher(props.fetch().settings(config.file().getParent()))) {
            SourcePipeline pipeline =
                    new SourcePipeline(
                            fetcher,
                            new Identifier(KnownItems.NOTHING, NearDuplicateMatcher.NONE),
                            null,
                            Clock.fixed(now, ZoneOffset.UTC),
                            new PipelineSettings(
                                    props.normalize().stripParams(),
                                    props.fulltext().settings(),
                                    props.poll().processingDeadline(),
                                    props.poll().maxItems()));
            o = pipeline.poll(def, null, new ConfigInForce(config, new Enricher(config), topics));
        }
        if (o.failed()) {
            err.println("feedhub: " + id + ": " + oneLine(o.error()));
            return 1;
        }
        print(out, def, o, topics, now, MergePreview.open(resolved.settings(), props));
        return 0;
    }

    private static void print(
            PrintStream out,
            SourceDef def,
            FetchOutcome o,
            TopicMatcher topics,
            Instant now,
            MergePreview merges) {
        out.println(def.id() + ": " + def.url());
        if (o.effectiveUrl() != null && !o.effectiveUrl().equals(def.url()))
            out.println("  read from " + o.effectiveUrl());
        String title = def.title() != null ? def.title() : o.feedTitle();
        out.println(
                "  "
                        + (def.html() != null ? "html page" : "feed")
                        + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
                        + ", "
                        + count(o.stories().size(), "story", "stories")
                        + (def.fulltext() != null ? ", full text on" : "")
                        + " ("
                        + o.millis()
                        + " ms)");
        int n = 0;
        for (Story s : o.stories()) {
            out.println();
            out.println(++n + ". " + s.title());
            field(out, "link", s.link() == null ? "(none)" : s.link());
            if (s.canonicalUrl() != null && !s.canonicalUrl().equals(s.link()))
                field(out, "canonical", s.canonicalUrl());
            field(
                    out,
                    "date",
                    s.published().equals(now)
                            ? "(none found; stored with the time it is first seen)"
                            : DATE.format(s.published()));
            if (s.author() != null) field(out, "author", s.author());
            field(
                    out,
                    "summary",
                    s.summary() == null || s.summary().isBlank() ? "(none)" : cut(s.summary()));
            if (!s.tags().isEmpty()) field(out, "tags", String.join(", ", s.tags()));
            List<String> in = topics.topicsFor(def.id(), s);
            field(out, "topics", in.isEmpty() ? "(none)" : String.join(", ", in));
            field(
                    out,
                    "text",
                    String.format(
                            "%,d characters in %s",
                            s.text().length(),
                            count(s.paragraphs().size(), "paragraph", "paragraphs")));
            field(out, "merges", merges.describe(s));
        }
        out.println();
        if (o.warnings().isEmpty()) {
            out.println("no warnings");
        } else {
            out.println("warnings:");
            for (String w : o.warnings()) out.println("  - " + w);
        }
        out.println("(a preview: nothing was stored)");
    }

    private static void field(PrintStream out, String name, String value) {
        out.println("   " + name + ":" + " ".repeat(Math.max(1, 10 - name.length())) + value);
    }

    private static String cut(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= SUMMARY_WIDTH ? t : t.substring(0, SUMMARY_WIDTH - 1) + "…";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String oneLine(String s) {
        return s == null ? "failed" : s.replaceAll("\\s+", " ").strip();
    }
}
