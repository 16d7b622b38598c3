package org.feedhub.fetch;

/** Fetches one URL (http, https or file). Implementations never throw for a bad source. */
public interface Fetcher {
    FetchResult fetch(FetchRequest request);
}
