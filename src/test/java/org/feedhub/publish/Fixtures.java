package org.feedhub.publish;

import java.time.Instant;
import java.util.List;
import org.feedhub.publish.FeedView.CarrierView;
import org.feedhub.publish.FeedView.EntryView;
import org.feedhub.publish.FeedView.TopicView;

/** A topic feed with three stories that exercise every field the renderers write. */
final class Fixtures {

    static final String BASE = "https://hub.example";
    static final String TOPIC_ID = "sergei-lavrov";
    static final String TOPIC_TITLE = "Sergei Lavrov <&> \"Лавров\"";
    static final String TOPIC_DESCRIPTION = "Russia's foreign minister & his <counterparts>";
    static final Instant UPDATED = Instant.parse("2024-05-03T11:00:00Z");

    static final CarrierView WIRE =
            new CarrierView(
                    "wire-world",
                    "Wire Desk",
                    "https://wire.example/world.rss",
                    "https://wire.example/",
                    "https://wire.example/world/lavrov-meets");
    static final CarrierView LEDGER =
            new CarrierView(
                    "ledger-lavrov",
                    "The Ledger & <Co>",
                    "https://ledger.example/tag/sergei-lavrov",
                    null,
                    "https://ledger.example/2024/05/lavrov");
    static final CarrierView AGENCY =
            new CarrierView(
                    "agency",
                    "Агентство",
                    "https://agency.example/feed.atom",
                    "https://agency.example/",
                    "https://agency.example/news/1");

    /** Two carriers, author, content, Cyrillic and {@code <&>} everywhere. */
    static final EntryView FULL =
            new EntryView(
                    "urn:feedhub:story:3",
                    "Лавров встретился с <коллегами> & партнёрами",
                    "https://wire.example/world/lavrov-meets?a=1&b=2",
                    Instant.parse("2024-05-03T10:15:30Z"),
                    Instant.parse("2024-05-03T11:00:00Z"),
                    "Анна Иванова",
                    "Министр сказал: 5 < 6 & 7 > 3.",
                    "<p>Полный <b>текст</b> &amp; more</p>",
                    List.of("Russia", "Дипломатия"),
                    List.of(WIRE, LEDGER));

    /** No author, no content, no tags, one carrier. */
    static final EntryView BARE =
            new EntryView(
                    "urn:feedhub:story:2",
                    "Talks resume in Geneva",
                    "https://agency.example/news/1",
                    Instant.parse("2024-05-02T08:00:00Z"),
                    Instant.parse("2024-05-02T08:00:00Z"),
                    null,
                    "Plain summary of the talks.",
                    null,
                    List.of(),
                    List.of(AGENCY));

    /** A hostile title and summary, no published date (only updated). */
    static final EntryView HOSTILE =
            new EntryView(
                    "tag:hub.example,2024:story-1",
                    "<script>alert('x')</script> Hostile",
                    "https://ledger.example/2024/04/hostile",
                    null,
                    Instant.parse("2024-04-30T23:59:59Z"),
                    "<img src=x onerror=alert(1)>",
                    "Summary with <script>alert(2)</script> inside",
                    "<p>fine</p>",
                    List.of("<b>tag</b>"),
                    List.of(LEDGER));

    static FeedView feed() {
        return new FeedView(
                BASE,
                new TopicView(TOPIC_ID, TOPIC_TITLE, TOPIC_DESCRIPTION),
                UPDATED,
                List.of(FULL, BARE, HOSTILE));
    }

    static FeedView empty() {
        return new FeedView(
                BASE,
                new TopicView("quiet", "Quiet topic", null),
                Instant.parse("2024-01-01T00:00:00Z"),
                List.of());
    }

    private Fixtures() {}
}
