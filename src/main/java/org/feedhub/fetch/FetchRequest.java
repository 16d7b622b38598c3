package org.feedhub.fetch;

/** What to fetch, with the validators of the last successful fetch (null when there was none). */
public record FetchRequest(String url, String etag, String lastModified) {
    public static FetchRequest of(String url) {
        return new FetchRequest(url, null, null);
    }
}
