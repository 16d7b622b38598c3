package org.feedhub.parse;

/**
 * The {@code html:} block of a source. Each value is a CSS selector, optionally ending in
 * {@code @attr} to take that attribute instead of the text. {@code item}, {@code title} and {@code
 * link} are required.
 */
public record HtmlSelectors(String item, String title, String link, String summary, String date) {}
