package org.feedhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a setting means, as the README's settings table says it (the table is generated from these
 * and checked by {@code SettingsTableTest}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Doc {
    /** The meaning, one Markdown sentence or two. */
    String value();

    /** What an empty default (no value) means, for the table's default column. */
    String whenEmpty() default "";
}
