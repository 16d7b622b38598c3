package org.feedhub.config;

import java.util.List;

/**
 * One entry of the {@code tags:} vocabulary: a tag and the phrases that mean it.
 *
 * @param name the tag as published
 * @param phrases never empty
 * @param stem whether phrases match by word stems ({@code Syrian} for {@code syria}) rather than
 *     exact words; the tag's own {@code stem:}, else {@code defaults.stem}
 */
public record TagDef(String name, List<String> phrases, boolean stem) {}
