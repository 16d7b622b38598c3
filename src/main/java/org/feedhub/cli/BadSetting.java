package org.feedhub.cli;

import java.util.Optional;
import org.feedhub.InvalidSetting;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/** A setting that could not be bound or was refused, as one line for stderr. */
final class BadSetting {
    private BadSetting() {}

    /**
     * "feedhub.poll.concurrency=0: must be at least 1", or "feedhub.hub.retry-delay=banana (command
     * line): not a Duration"; empty when no setting is to blame.
     */
    static Optional<String> describe(Throwable e) {
        BindException bind = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidSetting s) return Optional.of("bad setting " + s.getMessage());
            if (t instanceof BindException b && bind == null) bind = b;
        }
        if (bind == null) return Optional.empty();
        ConfigurationProperty p = bind.getProperty();
        String type = bind.getTarget().getType().resolve(Object.class).getSimpleName();
        if (p == null)
            return Optional.of("bad setting under " + bind.getName() + ": " + cause(bind));
        return Optional.of(
                "bad setting "
                        + p.getName()
                        + "="
                        + p.getValue()
                        + (p.getOrigin() == null ? "" : " (" + p.getOrigin() + ")")
                        + ": not a "
                        + type);
    }

    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
