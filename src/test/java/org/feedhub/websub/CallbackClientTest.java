package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackClientTest {

    @Test
    void verificationParametersAreAppendedToTheCallbacksOwnQuery() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hub.mode", "subscribe");
        p.put("hub.topic", "https://news.example/topics/a b.atom?x=1&y=2");
        assertThat(CallbackClient.withQuery("http://r.example/cb", p))
                .isEqualTo(
                        "http://r.example/cb?hub.mode=subscribe&hub.topic=https%3A%2F%2Fnews.example%2Ftopics%2Fa%20b.atom%3Fx%3D1%26y%3D2");
        assertThat(
                        CallbackClient.withQuery(
                                "http://r.example/cb?token=t", Map.of("hub.mode", "denied")))
                .isEqualTo("http://r.example/cb?token=t&hub.mode=denied");
        assertThat(CallbackClient.withQuery("http://r.example/cb?", Map.of("hub.mode", "denied")))
                .isEqualTo("http://r.example/cb?hub.mode=denied");
    }

    @Test
    void aRefusedCallbackIsNeverContacted() {
        CallbackClient client =
                new CallbackClient(
                        org.feedhub.app.ShippedSettings.hub()); // private networks not allowed
        CallbackClient.Answer a =
                client.get("http://127.0.0.1:9/cb", Map.of("hub.mode", "subscribe"));
        assertThat(a.status()).isZero();
        assertThat(a.ok()).isFalse();
        assertThat(a.describe()).startsWith("refused:");
        CallbackClient.Answer post =
                client.post(
                        "http://localhost:9/cb", "application/atom+xml", "<x>", null, new byte[0]);
        assertThat(post.describe()).startsWith("refused:");
    }

    @Test
    void answersThatAreWorthAnotherTry() {
        assertThat(new CallbackClient.Answer(0, null, "timed out").temporary()).isTrue();
        assertThat(new CallbackClient.Answer(503, "", null).temporary()).isTrue();
        assertThat(new CallbackClient.Answer(429, "", null).temporary()).isTrue();
        assertThat(new CallbackClient.Answer(404, "", null).temporary()).isFalse();
        assertThat(new CallbackClient.Answer(204, "", null).ok()).isTrue();
        assertThat(new CallbackClient.Answer(302, "", null).ok()).isFalse();
    }
}
