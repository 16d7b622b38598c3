package org.feedhub.identify;

/** What identification decided about one item of a poll; the store carries it out. */
public enum Decision {
    /** A story no source carried before: stored. */
    NEW,
    /** A story another source (or another item) already carries: this source joins it. */
    MERGE,
    /** An item this source carried before, with changed text: the story is updated. */
    UPDATE,
    /** An item this source carried before, unchanged: nothing to write. */
    UNCHANGED,
    /** An item purged by retention (tombstoned) that the feed still lists: not stored again. */
    FORGOTTEN
}
