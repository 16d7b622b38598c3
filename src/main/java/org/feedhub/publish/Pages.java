package org.feedhub.publish;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Objects;

/**
 * Renders the HTML pages from the jte templates in {@code src/main/jte/} (precompiled at build
 * time). Text is escaped by the templates; the stories' HTML content is never rendered, only their
 * summaries. Thread-safe.
 */
public class Pages {

    static final String PRECOMPILED_PACKAGE = "gg.jte.generated.precompiled";

    private final TemplateEngine engine;

    public Pages() {
        this(
                TemplateEngine.createPrecompiled(
                        null, ContentType.Html, Pages.class.getClassLoader(), PRECOMPILED_PACKAGE));
    }

    /** With a given engine (e.g. one that compiles the templates on the fly during development). */
    public Pages(TemplateEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The index page: every topic with its subscribe links and feed autodiscovery. */
    public String index(IndexPage page) {
        return render("index.jte", page);
    }

    /**
     * A topic's page (or its page of one tag): its stories, newest first, with feed autodiscovery.
     */
    public String topic(TopicPage page) {
        return render("topic.jte", page);
    }

    /** A story's own page: the story, every source that carried it and their links. */
    public String story(StoryPage page) {
        return render("story.jte", page);
    }

    /** The sources page: each source's state, problems first. */
    public String sources(SourcesPage page) {
        return render("sources.jte", page);
    }

    /** The HTML 404 page. */
    public String notFound(NotFoundPage page) {
        return render("notfound.jte", page);
    }

    private String render(String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        return out.toString()
                .stripLeading(); // the template's @import/@param lines leave blank lines
    }
}
