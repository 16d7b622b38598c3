package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's view: the "sources" health component (UP with the failing share while serving goes
 * on), the gauges on /actuator/prometheus, and a pass whose process died shown as interrupted, not
 * STARTED forever.
 */
@FeedhubE2E
class SourcesHealthTest {
    /** One source that answers, one that fails. */
    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        WireMockServer server = e2e.wiremock();
        e2e.serve("/ok.rss", "e2e/world.rss", "application/rss+xml");
        server.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(503)));
        e2e.writeFeeds(
                """
                sources:
                  - {id: ok, url: "http://127.0.0.1:%1$d/ok.rss"}
                  - {id: broken, url: "http://127.0.0.1:%1$d/broken.rss"}
                """
                        .formatted(server.port()));
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;
    @Autowired JdbcTemplate jdbc;

    String fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void healthGaugesAndAnInterruptedPass() throws Exception {
        passes.run(true);
        JsonNode health = JsonMapper.builder().build().readTree(fetch("/actuator/health"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode sources = health.path("components").path("sources");
        assertThat(sources.path("status").asString()).isEqualTo("UP");
        assertThat(sources.path("details").path("sources").asLong()).isEqualTo(2);
        assertThat(sources.path("details").path("failing").asLong()).isEqualTo(1);
        assertThat(sources.path("details").path("backingOff").asLong()).isEqualTo(1);
        assertThat(sources.path("details").path("failingShare").asDouble()).isEqualTo(0.5);

        String metrics = fetch("/actuator/prometheus");
        assertThat(metrics)
                .contains("feedhub_sources_failing 1.0", "feedhub_sources_backing_off 1.0")
                .containsPattern("feedhub_last_successful_pass_timestamp_seconds \\d\\.\\d+E9");

        // a pass whose process died: still STARTED, no sign of life for longer than the lease
        jdbc.update(
                "UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL, "
                        + "LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)",
                java.time.LocalDateTime.now().minusHours(2));
        jdbc.update(
                "UPDATE BATCH_STEP_EXECUTION SET LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)",
                java.time.LocalDateTime.now().minusHours(2));
        JsonNode after = JsonMapper.builder().build().readTree(fetch("/actuator/health"));
        assertThat(
                        after.path("components")
                                .path("aggregation")
                                .path("details")
                                .path("lastPassStatus")
                                .asString())
                .startsWith("INTERRUPTED");
    }
}
