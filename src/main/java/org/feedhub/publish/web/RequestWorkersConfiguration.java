package org.feedhub.publish.web;

import java.time.Duration;
import org.apache.coyote.AbstractProtocol;
import org.feedhub.FeedhubProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Gives Tomcat's connector {@link RequestWorkers} instead of its own pool, unless {@code
 * feedhub.publish.workers=0}. Made when the web server is, so commands without one start no
 * threads.
 */
@Configuration(proxyBeanMethods = false)
class RequestWorkersConfiguration {
    /** How often the watchdog looks for a stall: a 304 takes about 20 µs, so 20 ms is a lot. */
    static final Duration TICK = Duration.ofMillis(20);

    /** How long without a stall before the extra threads go. */
    static final Duration QUIET = Duration.ofSeconds(10);

    @Bean
    Workers requestWorkers(FeedhubProperties props, Environment env) {
        Integer set = props.publish().workers();
        int base = set != null ? set : Math.max(2, Runtime.getRuntime().availableProcessors());
        int max = env.getProperty("server.tomcat.threads.max", Integer.class, 200);
        return new Workers(base, Math.max(base, max));
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestWorkersCustomizer(
            Workers workers) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(ConfigurableTomcatWebServerFactory factory) {
                if (workers.base == 0) return;
                factory.addProtocolHandlerCustomizers(
                        handler -> {
                            if (handler instanceof AbstractProtocol<?> protocol)
                                protocol.setExecutor(workers.start());
                        });
            }
        };
    }

    /** The pool, made on first use and shut down with the context (after the server stopped). */
    static final class Workers implements DisposableBean {
        final int base;
        final int max;
        private RequestWorkers pool;

        Workers(int base, int max) {
            this.base = base;
            this.max = max;
        }

        synchronized RequestWorkers start() {
            if (pool == null) pool = new RequestWorkers("http-worker", base, max, TICK, QUIET);
            return pool;
        }

        synchronized RequestWorkers pool() {
            return pool;
        }

        @Override
        public synchronized void destroy() {
            if (pool != null) pool.shutdown();
        }
    }
}
