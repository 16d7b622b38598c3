package org.feedhub.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The links of one HTML page, built for its {@link LinkStyle} and its place in the site. */
public final class PageLinks {

    static final PageLinks SERVER = new PageLinks("/", "/", "/topics/", "", false);
    static final PageLinks STATIC_FROM_INDEX =
            new PageLinks("index.html", "", "topics/", ".html", true);
    static final PageLinks STATIC_FROM_TOPIC =
            new PageLinks("../index.html", "../", "", ".html", true);
    static final PageLinks STATIC_FROM_TAG =
            new PageLinks("../../../index.html", "../../../", "../../", ".html", true);

    private final String home;
    private final String root;
    private final String topics;
    private final String pageSuffix;
    private final boolean exported;

    private PageLinks(
            String home, String root, String topics, String pageSuffix, boolean exported) {
        this.home = home;
        this.root = root;
        this.topics = topics;
        this.pageSuffix = pageSuffix;
        this.exported = exported;
    }

    /** The index page. */
    public String home() {
        return home;
    }

    /** A topic's HTML page. */
    public String topicPage(String topicId) {
        return topics + topicId + pageSuffix;
    }

    /**
     * The page of a topic's stories with this tag: {@code /topics/ID?tag=TAG} on the server (any
     * text, encoded), {@code topics/ID/tags/SLUG.html} in a static export (see {@link TagSlug}).
     */
    public String tagPage(String topicId, String tag) {
        if (exported) return topics + topicId + "/tags/" + TagSlug.of(tag) + pageSuffix;
        return topics + topicId + "?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }

    /** A topic's feed in the given format. */
    public String feed(String topicId, FeedFormat format) {
        return topics + topicId + "." + format.extension();
    }

    /** The OPML list of the topic feeds. */
    public String topicsOpml() {
        return root + "topics.opml";
    }

    /** The OPML list of the sources. */
    public String sourcesOpml() {
        return root + "sources.opml";
    }

    @Override
    public String toString() {
        return "PageLinks[home=" + home + ", topics=" + topics + "]";
    }
}
