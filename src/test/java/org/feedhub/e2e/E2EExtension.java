package org.feedhub.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a {@link FeedhubE2E} test its {@link E2E} (attached to the running application) and stops
 * the WireMock server after the class.
 */
final class E2EExtension implements ParameterResolver, AfterAllCallback {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == E2E.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        E2E e2e = E2E.of(c.getRequiredTestClass());
        e2e.attach(SpringExtension.getApplicationContext(c));
        return e2e;
    }

    @Override
    public void afterAll(ExtensionContext c) {
        E2E.stop(c.getRequiredTestClass());
    }
}
