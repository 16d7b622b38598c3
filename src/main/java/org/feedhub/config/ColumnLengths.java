package org.feedhub.config;

/**
 * The longest values the database stores for what feeds.yml defines (the columns of
 * db/migration/common/V2__feedhub.sql): {@code check} refuses a longer one with the line and field,
 * rather than {@code aggregate} failing with an SQL error.
 */
public final class ColumnLengths {
    /** {@code source.id}, {@code topic_story.topic_id}. */
    public static final int ID = 100;

    /** {@code source.url}. */
    public static final int URL = 2048;

    /** {@code source.title}. */
    public static final int TITLE = 1000;

    /** {@code story_tag.tag}. */
    public static final int TAG = 200;

    private ColumnLengths() {}
}
