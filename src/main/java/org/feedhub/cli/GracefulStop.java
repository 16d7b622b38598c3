package org.feedhub.cli;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM and SIGINT close the application first and only then end the JVM. Left to the JVM, the
 * signal runs every shutdown hook at once: H2's closes the database under the pass that Spring's is
 * still stopping (hundreds of "Database is already closed" traces, a Batch job left in an unknown
 * state). H2's own hook cannot be turned off with AUTO_SERVER.
 */
final class GracefulStop {
    private GracefulStop() {}

    @SuppressWarnings("removal")
    static void install(ConfigurableApplicationContext ctx) {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(
                        new sun.misc.Signal(name),
                        signal -> {
                            ctx.close(); // the pass stops (bounded), claims are given back
                            Runtime.getRuntime().exit(128 + signal.getNumber());
                        });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here: the JVM's own shutdown hook closes the context
            }
        }
    }
}
