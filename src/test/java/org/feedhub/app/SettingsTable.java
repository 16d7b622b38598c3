package org.feedhub.app;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.feedhub.Doc;

/**
 * The README's settings table, written from the properties records: each setting's name (the
 * component's relaxed name), its default (what binding no value at all yields) and its {@link Doc}.
 */
public final class SettingsTable {
    private SettingsTable() {}

    public record Row(String name, String defaultValue, String meaning) {
        String markdown() {
            return "| `" + name + "` | " + defaultValue + " | " + meaning + " |";
        }
    }

    /** Every setting, in the records' order, as bound from these {@code name=value} pairs. */
    public static List<Row> rows(String... pairs) {
        List<Row> rows = new ArrayList<>();
        walk("feedhub", ShippedSettings.feedhub(pairs), rows);
        walk("feedhub.hub", ShippedSettings.hubProperties(pairs), rows);
        walk("feedhub.websub", ShippedSettings.subscriberProperties(pairs), rows);
        return rows;
    }

    static String markdown() {
        StringBuilder out = new StringBuilder("| setting | default | meaning |\n|---|---|---|\n");
        for (Row r : rows()) out.append(r.markdown()).append('\n');
        return out.toString();
    }

    private static void walk(String prefix, Record value, List<Row> rows) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof Record nested) {
                walk(name, nested, rows);
                continue;
            }
            Doc doc = c.getAnnotation(Doc.class);
            if (doc == null) throw new IllegalStateException(name + " has no @Doc");
            if (doc.value().contains("|") || doc.whenEmpty().contains("|"))
                throw new IllegalStateException(name + ": a | would split the table's row");
            rows.add(new Row(name, shown(name, v, doc), doc.value()));
        }
    }

    private static String shown(String name, Object v, Doc doc) {
        boolean empty =
                v == null
                        || (v instanceof String s && s.isEmpty())
                        || (v instanceof List<?> l && l.isEmpty());
        if (empty) {
            if (doc.whenEmpty().isEmpty())
                throw new IllegalStateException(name + ": empty by default, but @Doc says not how");
            return doc.whenEmpty();
        }
        return "`" + org.feedhub.InvalidSetting.text(v) + "`";
    }

    /** {@code maxBodySize} → {@code max-body-size}: the name Spring binds. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
