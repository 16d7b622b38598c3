package org.feedhub.parse;

import java.time.Instant;
import java.util.List;

/**
 * One item of a source as parsed. {@code contentHtml} is the fullest body the item had
 * ({@code content:encoded} / Atom content before description / summary); {@code summaryHtml} the short one.
 */
public record ParsedItem(String guid, String link, String title, String author, Instant published, Instant updated,
                         String summaryHtml, String contentHtml, List<String> categories) {
}
