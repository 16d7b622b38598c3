package org.feedhub.publish;

import static org.feedhub.publish.FeedWriting.atomLink;
import static org.feedhub.publish.FeedWriting.date;
import static org.feedhub.publish.FeedWriting.firstCarrier;
import static org.feedhub.publish.FeedWriting.firstNonBlank;
import static org.feedhub.publish.FeedWriting.sourceName;
import static org.feedhub.publish.FeedWriting.tags;
import static org.feedhub.publish.FeedWriting.webUrl;
import static org.feedhub.publish.XmlText.clean;
import static org.feedhub.publish.XmlText.isBlank;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes a topic's {@link FeedView} as Atom 1.0 (UTF-8), live or as an RFC 5005 archive page. Pure:
 * the same view, the same bytes.
 */
final class AtomWriter {
    static final Namespace FH =
            Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

    private AtomWriter() {}

    static byte[] write(FeedView view, FeedRenderer.Paging paging) {
        String base = FeedUrls.trimBase(view.baseUrl());
        String id = view.topic().id();
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(FeedUrls.topicPage(base, id));
        feed.setTitleEx(text(view.topic().title()));
        if (!isBlank(view.topic().description())) {
            feed.setSubtitle(text(view.topic().description()));
        }
        feed.setUpdated(date(FeedWriting.feedUpdated(view)));
        feed.setAlternateLinks(
                new ArrayList<>(
                        List.of(
                                atomLink(
                                        "alternate",
                                        FeedUrls.topicPage(base, id),
                                        "text/html",
                                        null))));
        String live = FeedUrls.feed(base, id, FeedFormat.ATOM);
        String type = FeedFormat.ATOM.mimeType();
        List<Link> links = new ArrayList<>();
        links.add(
                atomLink(
                        "self",
                        paging != null && paging.self() != null ? paging.self() : live,
                        type,
                        null));
        if (view.hubUrl() != null) {
            links.add(atomLink("hub", view.hubUrl(), null, null));
        }
        if (paging != null) {
            if (paging.archive()) {
                links.add(atomLink("current", live, type, null));
            }
            if (paging.prevArchive() != null) {
                links.add(atomLink("prev-archive", paging.prevArchive(), type, null));
            }
            if (paging.nextArchive() != null) {
                links.add(atomLink("next-archive", paging.nextArchive(), type, null));
            }
            if (paging.archive()) {
                feed.setForeignMarkup(new ArrayList<>(List.of(new Element("archive", FH))));
            }
        }
        feed.setOtherLinks(links);
        Generator generator = new Generator();
        generator.setValue(FeedWriting.GENERATOR);
        feed.setGenerator(generator);
        // RFC 4287 4.1.1: a feed needs an author unless every entry has one.
        feed.setAuthors(new ArrayList<>(List.of(person(FeedWriting.GENERATOR, base))));

        Instant updated = FeedWriting.feedUpdated(view);
        List<Entry> entries = new ArrayList<>();
        for (EntryView e : view.entries()) {
            entries.add(entry(e, updated));
        }
        feed.setEntries(entries);
        return FeedWriting.write(feed, view.topic().language());
    }

    private static Entry entry(EntryView e, Instant fallbackUpdated) {
        Entry entry = new Entry();
        entry.setId(clean(e.id()));
        entry.setTitleEx(text(e.title()));
        if (!isBlank(e.link())) {
            entry.setAlternateLinks(
                    new ArrayList<>(List.of(atomLink("alternate", e.link(), null, null))));
        }
        if (e.published() != null) {
            entry.setPublished(date(e.published()));
        }
        Instant updated =
                e.updated() != null
                        ? e.updated()
                        : e.published() != null ? e.published() : fallbackUpdated;
        entry.setUpdated(date(updated));
        String author = FeedWriting.author(e);
        if (!isBlank(author)) {
            entry.setAuthors(new ArrayList<>(List.of(person(author, null))));
        }
        if (!isBlank(e.summary())) {
            entry.setSummary(text(e.summary()));
        }
        if (!isBlank(e.contentHtml())) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(clean(e.contentHtml()));
            entry.setContents(new ArrayList<>(List.of(content)));
        }
        List<Category> categories = new ArrayList<>();
        for (String tag : tags(e)) {
            Category c = new Category();
            c.setTerm(clean(tag));
            categories.add(c);
        }
        entry.setCategories(categories);

        List<CarrierView> carriers = FeedWriting.carriers(e);
        CarrierView first = firstCarrier(e);
        if (first != null) {
            entry.setSource(source(first));
        }
        List<Link> other = new ArrayList<>();
        for (int i = 1; i < carriers.size(); i++) {
            CarrierView c = carriers.get(i);
            String href = firstNonBlank(webUrl(c.link()), webUrl(c.siteUrl()), webUrl(c.feedUrl()));
            if (href != null) {
                other.add(atomLink("via", href, null, sourceName(c)));
            }
        }
        other.addAll(MediaOut.atomEnclosures(e));
        entry.setOtherLinks(other);
        return entry;
    }

    /**
     * RFC 4287 4.2.11: the metadata of the feed the entry was copied from (web links only: a local
     * {@code file:} source or a {@code javascript:} site link is left out).
     */
    private static Feed source(CarrierView carrier) {
        Feed source = new Feed();
        String feedUrl = webUrl(carrier.feedUrl());
        String siteUrl = webUrl(carrier.siteUrl());
        String sourceId = firstNonBlank(feedUrl, siteUrl);
        if (sourceId != null) {
            source.setId(clean(sourceId));
        }
        source.setTitleEx(text(sourceName(carrier)));
        List<Link> alternate = new ArrayList<>();
        if (siteUrl != null) {
            alternate.add(atomLink("alternate", siteUrl, null, null));
        }
        source.setAlternateLinks(alternate);
        List<Link> other = new ArrayList<>();
        if (feedUrl != null) {
            other.add(atomLink("self", feedUrl, null, null));
        }
        source.setOtherLinks(other);
        if (webUrl(carrier.image()) != null) {
            source.setIcon(clean(webUrl(carrier.image())));
        }
        return source;
    }

    private static Content text(String value) {
        Content c = new Content();
        c.setType(Content.TEXT);
        c.setValue(clean(value == null ? "" : value));
        return c;
    }

    private static SyndPerson person(String name, String uri) {
        SyndPersonImpl p = new SyndPersonImpl();
        p.setName(clean(name));
        p.setUri(clean(uri));
        return p;
    }
}
