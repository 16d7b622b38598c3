package org.feedhub.publish.web;

import java.time.Duration;
import org.apache.coyote.AbstractProtocol;
import org.feedhub.FeedhubProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    Workers requestWorkers(FeedhubProperties props) {
        Integer set = props.publish().workers();
        return new Workers(
                set != null ? set : Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Tomcat's settings exist only where a Tomcat server is made, which is also the only place this
     * customizer is called.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestWorkersCustomizer(
            Workers workers, ObjectProvider<TomcatServerProperties> tomcat) {
        return factory -> {
            if (workers.base == 0) return;
            // The cap is Tomcat's own `server.tomcat.threads.max` (its default stays Boot's).
            int max = Math.max(workers.base, tomcat.getObject().getThreads().getMax());
            factory.addProtocolHandlerCustomizers(
                    handler -> {
                        if (handler instanceof AbstractProtocol<?> protocol)
                            protocol.setExecutor(workers.start(max));
                    });
        };
    }

    /** The pool, made on first use and shut down with the context (after the server stopped). */
    static final class Workers implements DisposableBean {
        final int base;
        private RequestWorkers pool;

        Workers(int base) {
            this.base = base;
        }

        synchronized RequestWorkers start(int max) {
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
