package org.feedhub.publish;

/**
 * The public URLs feedhub builds under its site's base URL: topic pages, feeds, archive pages,
 * story pages and the hub. One place, so the feeds, pages, OPML, the hub and the export agree.
 */
public final class FeedUrls {
    private FeedUrls() {}

    /** {@code baseUrl + "/topics/" + topicId}: the topic's HTML page. */
    public static String topicPage(String baseUrl, String topicId) {
        return trimBase(baseUrl) + "/topics/" + topicId;
    }

    /** {@code baseUrl + "/hub"}: the WebSub hub every feed advertises. */
    public static String hub(String baseUrl) {
        return trimBase(baseUrl) + "/hub";
    }

    /** {@code baseUrl + "/topics/" + topicId + ".rss|.atom|.json"}. */
    public static String feed(String baseUrl, String topicId, FeedFormat format) {
        return format.feedUrl(trimBase(baseUrl), topicId);
    }

    /** {@code baseUrl + "/topics/" + topicId + "/archive/" + n + ".atom"}: RFC 5005 page n. */
    public static String archive(String baseUrl, String topicId, int n) {
        return trimBase(baseUrl) + "/topics/" + topicId + "/archive/" + n + ".atom";
    }

    /** {@code baseUrl + "/stories/" + storyId}: the story's own page on this site. */
    public static String storyPage(String baseUrl, long storyId) {
        return trimBase(baseUrl) + "/stories/" + storyId;
    }

    /** The base URL without trailing slashes; empty for null. */
    public static String trimBase(String baseUrl) {
        if (baseUrl == null) {
            return "";
        }
        int end = baseUrl.length();
        while (end > 0 && baseUrl.charAt(end - 1) == '/') {
            end--;
        }
        return baseUrl.substring(0, end);
    }
}
