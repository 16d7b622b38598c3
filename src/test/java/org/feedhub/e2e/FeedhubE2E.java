package org.feedhub.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * An end-to-end test of the whole application: the real Spring context on a random port, its own
 * test database (H2, or PostgreSQL under {@code .ci/run}), scheduled passes off, and a WireMock
 * server on a real loopback port standing in for the sources. Test methods take an {@link E2E}
 * parameter; a static method marked {@link BeforeContext} stubs the sources and writes feeds.yml
 * before the application starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(E2EContext.Factory.class)
@ExtendWith(E2EExtension.class)
public @interface FeedhubE2E {
    /**
     * Whether the sources' WireMock server answers through response templates (for subscribers that
     * echo a request's {@code hub.challenge}); off by default, so a feed body is sent as it is.
     */
    boolean responseTemplating() default false;

    /** Extra application properties, {@code key=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /**
     * Marks a {@code static void name(E2E e2e)} method run once, before the application starts: the
     * place to stub sources and write feeds.yml.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface BeforeContext {}
}
