package org.feedhub.e2e;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the application of a {@link FeedhubE2E} test at that class's {@link E2E}: runs its {@link
 * FeedhubE2E.BeforeContext} methods, then sets feeds.yml, loopback sources, no schedule and the
 * test database. One context per test class, as each has its own sources.
 */
final class E2EContext implements ContextCustomizer {
    private final Class<?> testClass;

    private E2EContext(Class<?> testClass) {
        this.testClass = testClass;
    }

    static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new E2EContext(testClass);
        }
    }

    @Override
    public void customizeContext(
            ConfigurableApplicationContext context, MergedContextConfiguration merged) {
        E2E e2e = E2E.of(testClass);
        runBeforeContext(e2e);
        Map<String, Object> props = new HashMap<>();
        TestDatabase.registerApp(
                (name, value) -> props.put(name, value.get()),
                e2e.feedsYml(),
                testClass.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        props.putAll(e2e.properties());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("feedhub-e2e", props));
    }

    private void runBeforeContext(E2E e2e) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(FeedhubE2E.BeforeContext.class)) continue;
                if (!Modifier.isStatic(m.getModifiers()))
                    throw new IllegalStateException(m + " must be static");
                try {
                    m.setAccessible(true);
                    m.invoke(null, e2e);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot run " + m, e);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof E2EContext other && other.testClass == testClass;
    }

    @Override
    public int hashCode() {
        return testClass.hashCode();
    }
}
