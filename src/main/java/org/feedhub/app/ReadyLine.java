package org.feedhub.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once the server listens: one line saying where to look and what it serves. */
@Component
@ConditionalOnWebApplication
class ReadyLine {
    private final LiveConfig config;
    private final Environment env;

    ReadyLine(LiveConfig config, Environment env) {
        this.config = config;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        System.out.printf(
                "feedhub is serving %d topics from %d sources at http://localhost:%s/%n",
                config.config().topics().size(), config.config().sources().size(), port);
    }
}
