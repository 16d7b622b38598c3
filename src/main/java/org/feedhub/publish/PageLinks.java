package org.feedhub.publish;

/** The links of one HTML page, built for its {@link LinkStyle} and its place in the site. */
public final class PageLinks {

    static final PageLinks SERVER = new PageLinks("/", "/", "/topics/", "");
    static final PageLinks STATIC_FROM_INDEX = new PageLinks("index.html", "", "topics/", ".html");
    static final PageLinks STATIC_FROM_TOPIC = new PageLinks("../index.html", "../", "", ".html");

    private final String home;
    private final String root;
    private final String topics;
    private final String pageSuffix;

    private PageLinks(String home, String root, String topics, String pageSuffix) {
        this.home = home;
        this.root = root;
        this.topics = topics;
        this.pageSuffix = pageSuffix;
    }

    /** The index page. */
    public String home() {
        return home;
    }

    /** A topic's HTML page. */
    public String topicPage(String topicId) {
        return topics + topicId + pageSuffix;
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
