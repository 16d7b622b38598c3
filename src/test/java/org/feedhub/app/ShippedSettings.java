package org.feedhub.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.feedhub.FeedhubProperties;
import org.feedhub.websub.HubSettings;
import org.feedhub.websub.subscribe.SubscriberSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The settings as Spring binds them from the given {@code name=value} pairs (none: the shipped
 * defaults), through the same records and mapping as the server: tests need no copy of a default.
 */
public final class ShippedSettings {
    private ShippedSettings() {}

    public static Binder binder(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            map.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return new Binder(new MapConfigurationPropertySource(map));
    }

    public static FeedhubProperties feedhub(String... pairs) {
        return binder(pairs).bindOrCreate("feedhub", FeedhubProperties.class);
    }

    public static HubProperties hubProperties(String... pairs) {
        return binder(pairs).bindOrCreate("feedhub.hub", HubProperties.class);
    }

    public static SubscriberProperties subscriberProperties(String... pairs) {
        return binder(pairs).bindOrCreate("feedhub.websub", SubscriberProperties.class);
    }

    /** The hub's settings as shipped (private networks not allowed). */
    public static HubSettings hub(String... pairs) {
        return hubProperties(pairs).settings(false, "feedhub-test");
    }

    public static SubscriberSettings subscriber(
            boolean subscribe, String baseUrl, boolean allowPrivateNetworks) {
        return subscriberProperties("feedhub.websub.subscribe=" + subscribe)
                .settings(baseUrl, allowPrivateNetworks, "feedhub-test");
    }
}
