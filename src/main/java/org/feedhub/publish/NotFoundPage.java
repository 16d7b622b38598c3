package org.feedhub.publish;

/**
 * The HTML 404 page: what was not found, a likely address when there is one (the same path without
 * a trailing slash), and the way back.
 *
 * @param suggestion a site-absolute path to offer, or null
 */
public record NotFoundPage(String siteTitle, String message, String suggestion) {

    public NotFoundPage {
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "feedhub" : siteTitle;
    }

    /** The page for a request path nothing answers. */
    public static NotFoundPage forPath(String path) {
        String suggestion = null;
        if (path != null && path.length() > 1 && path.endsWith("/")) {
            String bare = FeedUrls.trimBase(path); // a scan: a regex here is quadratic on "////…x"
            if (bare.matches("/[A-Za-z0-9._~/-]{1,300}")) suggestion = bare;
        }
        return new NotFoundPage(null, "Nothing is published at this address.", suggestion);
    }

    public String render() {
        return PAGES.notFound(this);
    }

    private static final Pages PAGES = new Pages();
}
