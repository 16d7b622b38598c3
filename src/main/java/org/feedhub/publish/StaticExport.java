package org.feedhub.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.TopicDef;

/**
 * {@code export DIR}: every topic's feeds, pages, a page per tag of its stories, the OPML files and
 * the feeds' stylesheet as static files, with relative links between pages (and from the feeds to
 * the stylesheet) so the folder works on any static server, in any sub-folder.
 */
public class StaticExport {
    /** The feeds' stylesheet, at the export's root; the feeds name it relative to themselves. */
    static final String STYLESHEET = "feed.xsl";

    private final Site site;
    private final TopicFeeds feeds;
    private final Supplier<FeedsConfig> config;
    private final boolean hub;

    public StaticExport(Site site, TopicFeeds feeds, Supplier<FeedsConfig> config) {
        this(site, feeds, config, false);
    }

    /**
     * @param hub whether the exported feeds name {@code baseUrl + "/hub"} as their WebSub hub: only
     *     when a feedhub server answers at the base URL (a static server has no hub)
     */
    public StaticExport(Site site, TopicFeeds feeds, Supplier<FeedsConfig> config, boolean hub) {
        this.site = site;
        this.feeds = feeds;
        this.config = config;
        this.hub = hub;
    }

    /**
     * @param baseUrl where the folder will be served from: the feeds' self links point there
     * @return the files written, relative to {@code dir}
     */
    public List<String> export(Path dir, String baseUrl) throws IOException {
        Files.createDirectories(dir.resolve("topics"));
        List<String> written = new ArrayList<>();
        String hubUrl = hub ? FeedUrls.hub(baseUrl) : null;
        for (TopicDef t : config.get().topics()) {
            for (FeedFormat f : FeedFormat.values()) {
                byte[] body = feeds.exportedFeed(t.id(), f, baseUrl, hubUrl).orElseThrow();
                body = FeedWriting.restyled(body, "../" + STYLESHEET);
                written.add(write(dir, "topics/" + t.id() + "." + f.extension(), body));
            }
            // The archive pages the Atom feed links to (prev-archive), so a reader can backfill.
            int pages = feeds.archivePages(t.id(), baseUrl);
            if (pages > 0) Files.createDirectories(dir.resolve("topics/" + t.id() + "/archive"));
            for (int n = 1; n <= pages; n++) {
                byte[] body = feeds.exportedArchive(t.id(), n, baseUrl, hubUrl).orElseThrow();
                body = FeedWriting.restyled(body, "../../../" + STYLESHEET);
                written.add(write(dir, "topics/" + t.id() + "/archive/" + n + ".atom", body));
            }
            // Entries without a safe link of their own link to BASE/stories/ID: served by a static
            // server from stories/ID/index.html.
            for (long id : feeds.storiesLinkingToTheirPage(t.id(), baseUrl)) {
                String path = "stories/" + id + "/index.html";
                if (written.contains(path)) continue;
                Files.createDirectories(dir.resolve("stories/" + id));
                String html = site.storyPage(id, baseUrl).orElseThrow();
                written.add(write(dir, path, html.getBytes(StandardCharsets.UTF_8)));
            }
            // A page for every tag of the topic's stories: each tag on a topic or tag page links
            // to one, and a static server cannot answer ?tag= queries.
            for (String tag : feeds.topicTags(t.id())) {
                String path = LinkStyle.staticTagPagePath(t.id(), tag);
                if (written.contains(path)) continue; // two tags, one hash: the first keeps it
                Files.createDirectories(dir.resolve(path).getParent());
                String html = site.tagPage(t.id(), tag, baseUrl, LinkStyle.STATIC).orElse(null);
                if (html != null) written.add(write(dir, path, utf8(html)));
            }
            String page = site.topicPage(t.id(), baseUrl, LinkStyle.STATIC).orElseThrow();
            written.add(
                    write(
                            dir,
                            LinkStyle.staticTopicPagePath(t.id()),
                            page.getBytes(StandardCharsets.UTF_8)));
        }
        written.add(
                write(
                        dir,
                        "index.html",
                        site.index(LinkStyle.STATIC).getBytes(StandardCharsets.UTF_8)));
        written.add(write(dir, "topics.opml", site.topicsOpml(baseUrl)));
        written.add(write(dir, "sources.opml", site.sourcesOpml()));
        // The stylesheet that shows an exported feed opened in a browser as a page.
        try (java.io.InputStream xsl = StaticExport.class.getResourceAsStream("/static/feed.xsl")) {
            if (xsl == null) throw new IOException("feed.xsl is missing from the jar");
            written.add(write(dir, STYLESHEET, xsl.readAllBytes()));
        }
        return written;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes through a temporary file and a rename, so a server never serves half a file. */
    private static String write(Path dir, String relative, byte[] body) throws IOException {
        Path target = dir.resolve(relative);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, body);
        Files.move(
                tmp,
                target,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return relative;
    }
}
