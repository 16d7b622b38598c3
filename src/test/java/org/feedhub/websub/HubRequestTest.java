package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.feedhub.fetch.UrlSafety;
import org.feedhub.publish.FeedFormat;
import org.junit.jupiter.api.Test;

class HubRequestTest {
    static final String BASE = "https://news.example";
    static final UnaryOperator<String> ANY_CALLBACK = url -> null;
    final HubSettings settings = org.feedhub.app.ShippedSettings.hub();

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    HubRequest parse(String body) throws HubRequestException {
        return HubRequest.parse(body, BASE, settings, ANY_CALLBACK);
    }

    String reason(String body) {
        return reason(body, BASE, ANY_CALLBACK);
    }

    String reason(String body, String base, UnaryOperator<String> refusal) {
        try {
            HubRequest.parse(body, base, settings, refusal);
        } catch (HubRequestException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void aFullSubscribeRequest() throws Exception {
        HubRequest r =
                parse(
                        form(
                                "hub.mode",
                                "subscribe",
                                "hub.topic",
                                BASE + "/topics/sergei-lavrov.atom",
                                "hub.callback",
                                "https://Reader.example/push?feed=1&token=a%20b",
                                "hub.lease_seconds",
                                "7200",
                                "hub.secret",
                                "s3cret",
                                "other",
                                "ignored"));
        assertThat(r.mode()).isEqualTo(HubRequest.Mode.SUBSCRIBE);
        assertThat(r.topic().topicId()).isEqualTo("sergei-lavrov");
        assertThat(r.topic().format()).isEqualTo(FeedFormat.ATOM);
        assertThat(r.topic().url()).isEqualTo(BASE + "/topics/sergei-lavrov.atom");
        assertThat(r.topic().baseUrl()).isEqualTo(BASE);
        assertThat(r.callback()).isEqualTo("https://Reader.example/push?feed=1&token=a%20b");
        assertThat(r.callbackHost()).isEqualTo("reader.example");
        assertThat(r.leaseSeconds()).isEqualTo(7200);
        assertThat(r.secret()).isEqualTo("s3cret");
    }

    @Test
    void everyFormatAndDefaultsForLeaseAndSecret() throws Exception {
        for (FeedFormat f : FeedFormat.values()) {
            HubRequest r =
                    parse(
                            form(
                                    "hub.mode",
                                    "subscribe",
                                    "hub.topic",
                                    BASE + "/topics/t." + f.extension(),
                                    "hub.callback",
                                    "http://reader.example/cb",
                                    "hub.secret",
                                    ""));
            assertThat(r.topic().format()).isEqualTo(f);
            assertThat(r.leaseSeconds()).isEqualTo(864_000);
            assertThat(r.secret()).isNull();
        }
    }

    @Test
    void leaseIsClampedNotRefused() throws Exception {
        assertThat(
                        parse(
                                        form(
                                                "hub.mode",
                                                "subscribe",
                                                "hub.topic",
                                                BASE + "/topics/t.rss",
                                                "hub.callback",
                                                "http://r.example/",
                                                "hub.lease_seconds",
                                                "5"))
                                .leaseSeconds())
                .isEqualTo(3600);
        assertThat(
                        parse(
                                        form(
                                                "hub.mode",
                                                "subscribe",
                                                "hub.topic",
                                                BASE + "/topics/t.rss",
                                                "hub.callback",
                                                "http://r.example/",
                                                "hub.lease_seconds",
                                                "99999999999"))
                                .leaseSeconds())
                .isEqualTo(2_592_000);
    }

    @Test
    void unsubscribeIgnoresTheLease() throws Exception {
        HubRequest r =
                parse(
                        form(
                                "hub.mode",
                                "unsubscribe",
                                "hub.topic",
                                BASE + "/topics/t.json",
                                "hub.callback",
                                "http://r.example/",
                                "hub.lease_seconds",
                                "nonsense"));
        assertThat(r.mode()).isEqualTo(HubRequest.Mode.UNSUBSCRIBE);
    }

    @Test
    void topicsMustBeFeedsOfThisSite() throws Exception {
        String cb = "http://r.example/cb";
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        "https://other.example/topics/t.rss",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic of this hub")
                .contains(BASE + "/topics/ID.rss");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        "http://news.example/topics/t.rss",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic of this hub");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        BASE + ":8443/topics/t.rss",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic of this hub");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        BASE + "/topics/t.rss?x=1",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic of this hub");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        BASE + "/topics/t",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic feed");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        BASE + "/topics/t.html",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic feed");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        BASE + "/topics.opml",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic feed");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        "/topics/t.rss",
                                        "hub.callback",
                                        cb)))
                .contains("not a topic of this hub");
        // scheme and host compare case-insensitively, default ports are the same as none
        assertThat(
                        parse(
                                        form(
                                                "hub.mode",
                                                "subscribe",
                                                "hub.topic",
                                                "HTTPS://NEWS.example:443/topics/t.rss",
                                                "hub.callback",
                                                cb))
                                .topic()
                                .topicId())
                .isEqualTo("t");
    }

    @Test
    void aSiteUnderAPathTakesTopicsUnderThatPath() throws Exception {
        String base = "http://example.org/news/";
        HubRequest r =
                HubRequest.parse(
                        form(
                                "hub.mode",
                                "subscribe",
                                "hub.topic",
                                "http://example.org/news/topics/a-b.atom",
                                "hub.callback",
                                "http://r.example/"),
                        base,
                        settings,
                        ANY_CALLBACK);
        assertThat(r.topic().topicId()).isEqualTo("a-b");
        assertThat(r.topic().baseUrl()).isEqualTo("http://example.org/news");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        "http://example.org/topics/a-b.atom",
                                        "hub.callback",
                                        "http://r.example/"),
                                base,
                                ANY_CALLBACK))
                .contains("not a topic feed");
    }

    @Test
    void malformedRequestsSayWhatIsWrong() {
        String topic = BASE + "/topics/t.rss";
        assertThat(reason("")).contains("empty request");
        assertThat(reason(form("hub.topic", topic, "hub.callback", "http://r.example/")))
                .contains("hub.mode is missing");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "publish",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/")))
                .contains("hub.mode must be subscribe or unsubscribe");
        assertThat(reason(form("hub.mode", "subscribe", "hub.topic", topic)))
                .contains("hub.callback is missing");
        assertThat(reason(form("hub.mode", "subscribe", "hub.callback", "http://r.example/")))
                .contains("hub.topic is missing");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "ftp://r.example/")))
                .contains("absolute http or https");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "/relative")))
                .contains("absolute http or https");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/#x")))
                .contains("fragment");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://u:p@r.example/")))
                .contains("user info");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/" + "a".repeat(2100))))
                .contains("longer than 2048");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/",
                                        "hub.lease_seconds",
                                        "ten days")))
                .contains("hub.lease_seconds");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/",
                                        "hub.lease_seconds",
                                        "-5")))
                .contains("hub.lease_seconds");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/",
                                        "hub.secret",
                                        "x".repeat(200))))
                .contains("hub.secret must be shorter than 200 bytes");
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.mode",
                                        "unsubscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/")))
                .contains("hub.mode is given more than once");
        assertThat(reason("hub.mode=subscribe&hub.topic=%ZZ&hub.callback=x"))
                .contains("malformed form body");
    }

    @Test
    void aSecretOfLessThan200BytesCountsBytesNotCharacters() throws Exception {
        String topic = BASE + "/topics/t.rss";
        assertThat(
                        parse(
                                        form(
                                                "hub.mode",
                                                "subscribe",
                                                "hub.topic",
                                                topic,
                                                "hub.callback",
                                                "http://r.example/",
                                                "hub.secret",
                                                "x".repeat(199)))
                                .secret())
                .hasSize(199);
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/",
                                        "hub.secret",
                                        "é".repeat(100))))
                .contains("shorter than 200 bytes");
    }

    @Test
    void theSsrfGuardsVerdictIsTheAnswer() {
        String topic = BASE + "/topics/t.rss";
        UnaryOperator<String> refuse =
                url -> "refused: r.example resolves to the internal address 10.0.0.1";
        assertThat(
                        reason(
                                form(
                                        "hub.mode",
                                        "subscribe",
                                        "hub.topic",
                                        topic,
                                        "hub.callback",
                                        "http://r.example/"),
                                BASE,
                                refuse))
                .isEqualTo(
                        "hub.callback refused: r.example resolves to the internal address 10.0.0.1");
    }

    @Test
    void callbacksOnLoopbackOrPrivateAddressesAreRefusedUnlessAllowed() throws Exception {
        String topic = BASE + "/topics/t.rss";
        UnaryOperator<String> guarded = url -> UrlSafety.refusal(url, false);
        for (String cb :
                new String[] {
                    "http://127.0.0.1:8080/cb",
                    "http://localhost/cb",
                    "http://10.1.2.3/cb",
                    "http://192.168.0.10/cb",
                    "http://169.254.169.254/latest/meta-data",
                    "http://[::1]/cb",
                    "http://0.0.0.0/"
                }) {
            assertThat(
                            reason(
                                    form(
                                            "hub.mode",
                                            "subscribe",
                                            "hub.topic",
                                            topic,
                                            "hub.callback",
                                            cb),
                                    BASE,
                                    guarded))
                    .as(cb)
                    .startsWith("hub.callback refused:")
                    .contains("allow-private-networks");
        }
        UnaryOperator<String> open = url -> UrlSafety.refusal(url, true);
        assertThat(
                        HubRequest.parse(
                                        form(
                                                "hub.mode",
                                                "subscribe",
                                                "hub.topic",
                                                topic,
                                                "hub.callback",
                                                "http://127.0.0.1:8080/cb"),
                                        BASE,
                                        settings,
                                        open)
                                .callbackHost())
                .isEqualTo("127.0.0.1");
        // a public address literal passes the guard without DNS
        assertThat(UrlSafety.refusal("http://93.184.215.14/cb", false)).isNull();
        assertThat(UrlSafety.refusal("gopher://93.184.215.14/", false))
                .contains("only http and https");
    }
}
