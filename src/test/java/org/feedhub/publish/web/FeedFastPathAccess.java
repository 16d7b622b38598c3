package org.feedhub.publish.web;

/** The fast path's sendfile threshold for tests in other packages. */
public final class FeedFastPathAccess {
    private FeedFastPathAccess() {}

    public static int filesWritten(Object fastPath) {
        return ((FeedFastPath) fastPath).filesWritten();
    }

    public static int sendfileMin() {
        return FeedResponse.SENDFILE_MIN;
    }
}
