package org.feedhub.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void stoppingAClientEndsItsSelectorThread() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Thread selector = HttpClients.selectorThread(client);
        assertThat(selector).as("the JDK client's selector thread, found by name").isNotNull();
        assertThat(selector.isAlive()).isTrue();

        HttpClients.stop(client);
        selector.join(10_000);
        assertThat(selector.isAlive())
                .as("a thread left in native code delays the JVM's exit")
                .isFalse();
    }

    @Test
    void stoppingTwiceOrStoppingNothingIsHarmless() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Thread selector = HttpClients.selectorThread(client);
        HttpClients.stop(client);
        selector.join(10_000);
        HttpClients.stop(client);
        HttpClients.stop(null);
        assertThat(HttpClients.selectorThread(client)).isNull();
    }

    @Test
    void theFetcherStopsItsClientWhenClosed() throws InterruptedException {
        Set<Thread> before = selectorThreads();
        HttpFetcher fetcher = MockSource.fetcher(java.nio.file.Path.of("."));
        Set<Thread> started = new HashSet<>(selectorThreads());
        started.removeAll(before);
        assertThat(started).hasSize(1);

        fetcher.close();
        Thread selector = started.iterator().next();
        selector.join(10_000);
        assertThat(selector.isAlive()).isFalse();
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().endsWith("-SelectorManager") && t.isAlive())
                .collect(Collectors.toSet());
    }
}
