package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import org.feedhub.batch.PassReport;
import org.junit.jupiter.api.Test;

/**
 * The same wire story carried by two outlets under different links and headlines, with the second
 * outlet's boilerplate, is one story naming both carriers; a different story about the same people
 * stays separate.
 */
@FeedhubE2E
class NearDuplicateEndToEndTest {

    static final String WIRE =
            """
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.test/</link><description>d</description>
            <item><title>Lavrov: Complete Iranian withdrawal from Syria unrealistic</title>
            <link>https://wire.test/lavrov-iran-syria</link><guid>w1</guid><pubDate>Mon, 09 Jul 2018 10:00:00 GMT</pubDate>
            <description><![CDATA[<p>As the West and its allies in the region, Israel and Saudi Arabia, insist on Iran's complete
            withdrawal from Syria, Russian Foreign Minister Sergei Lavrov said on Monday that such a demand is absolutely
            unrealistic.</p><p>Lavrov spoke after talks in Moscow with Jordanian Foreign Minister Ayman Safadi. He said Iran
            was a key part of the fight against terrorism in Syria and a major power in the region whose interests had to be
            taken into account.</p><p>The meeting focused on the Syrian settlement and on the de-escalation zone in
            southwest Syria, which borders Jordan and the Israeli-occupied Golan Heights.</p>]]></description></item>
            <item><title>Lavrov to visit Pyongyang on Thursday</title>
            <link>https://wire.test/lavrov-pyongyang</link><guid>w2</guid><pubDate>Tue, 10 Jul 2018 08:00:00 GMT</pubDate>
            <description><![CDATA[<p>Russian Foreign Minister Sergei Lavrov will travel to Pyongyang on Thursday for talks with
            his North Korean counterpart Ri Yong-ho, the foreign ministry in Moscow said.</p><p>The agenda covers relations
            between the two countries and the situation on the Korean peninsula.</p>]]></description></item>
            </channel></rss>""";

    static final String LEDGER =
            """
            <rss version="2.0"><channel><title>Ledger</title><link>https://ledger.test/</link><description>d</description>
            <item><title>Russia's Lavrov rejects calls for full Iranian pullout from Syria</title>
            <link>https://ledger.test/world/2018/07/09/lavrov-rejects-iran-pullout</link><guid>l1</guid>
            <pubDate>Mon, 09 Jul 2018 11:30:00 GMT</pubDate>
            <description><![CDATA[<p>By Ledger Staff</p><p>As the West and its allies in the region, Israel and Saudi Arabia,
            insist on Iran's complete withdrawal from Syria, Russian Foreign Minister Sergei Lavrov said on Monday that such
            a demand is absolutely unrealistic.</p><p>Lavrov spoke after talks in Moscow with Jordanian Foreign Minister
            Ayman Safadi. He said Iran was a key part of the fight against terrorism in Syria and a major power in the region
            whose interests had to be taken into account.</p><p>The meeting focused on the Syrian settlement and on the
            de-escalation zone in southwest Syria, which borders Jordan and the Israeli-occupied Golan Heights.</p>
            <p>Read more: Subscribe to The Ledger for daily briefings.</p>]]></description></item>
            </channel></rss>""";

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        WireMockServer wire = e2e.wiremock();
        wire.stubFor(get("/wire.rss").willReturn(aResponse().withBody(WIRE)));
        wire.stubFor(get("/ledger.rss").willReturn(aResponse().withBody(LEDGER)));
        e2e.writeFeeds(
                """
                sources:
                  - id: wire
                    url: %1$s/wire.rss
                    title: Wire
                  - id: ledger
                    url: %1$s/ledger.rss
                    title: Ledger
                topics:
                  - id: lavrov
                    title: Lavrov
                    match:
                      any: [lavrov]
                """
                        .formatted(e2e.sourceBase()));
    }

    @Test
    void aSyndicatedRewriteIsOneStoryNamingBothCarriers(E2E e2e) throws Exception {
        PassReport report = e2e.runPass();
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.lines())
                .extracting(l -> l.counts().merged())
                .containsExactlyInAnyOrder(0, 1);
        String atom = e2e.get("/topics/lavrov.atom");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getEntries()).hasSize(2);
        assertThat(atom).contains("rel=\"via\"").containsPattern("(?s)<source>.*</source>");
        assertThat(atom.split("rel=\"via\"", -1))
                .hasSize(2); // exactly one entry has a second carrier
        assertThat(atom).contains("Lavrov to visit Pyongyang on Thursday");
    }
}
