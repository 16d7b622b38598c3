package org.feedhub.publish.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.time.Duration;
import java.util.List;
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
    Workers requestWorkers(FeedhubProperties props, ObjectProvider<MeterRegistry> registry) {
        Integer set = props.publish().workers();
        return new Workers(
                set != null ? set : Math.max(2, Runtime.getRuntime().availableProcessors()),
                registry);
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

    /**
     * The pool, made on first use and shut down with the context (after the server stopped). Its
     * threads, busy ones and waiting requests are Micrometer's executor gauges ({@code
     * executor_pool_size_threads{name="http-worker"}} …), since Tomcat's own thread metrics no
     * longer see the requests.
     */
    static final class Workers implements DisposableBean {
        static final String NAME = "http-worker";
        final int base;
        private final ObjectProvider<MeterRegistry> registry;
        private RequestWorkers pool;

        Workers(int base, ObjectProvider<MeterRegistry> registry) {
            this.base = base;
            this.registry = registry;
        }

        synchronized RequestWorkers start(int max) {
            if (pool == null) {
                pool = new RequestWorkers(NAME, base, max, TICK, QUIET);
                // Gauges only: monitor() would wrap the pool and time every request.
                registry.ifAvailable(
                        r -> new ExecutorServiceMetrics(pool, NAME, List.of()).bindTo(r));
            }
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
