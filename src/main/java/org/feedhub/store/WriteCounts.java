package org.feedhub.store;

/**
 * What storing one source's stories did: {@code added} new stories, {@code merged} items that
 * joined a story another source already carried, {@code updated} stories whose text changed, {@code
 * unchanged} items known already, {@code forgotten} items purged earlier (tombstoned) that the feed
 * still lists.
 */
public record WriteCounts(int added, int merged, int updated, int unchanged, int forgotten) {
    public static final WriteCounts NONE = new WriteCounts(0, 0, 0, 0, 0);
}
