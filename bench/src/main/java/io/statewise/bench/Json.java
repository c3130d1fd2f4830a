package io.statewise.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A flat-ish JSON object for the one-line result every bench run prints; keys keep insertion order. */
final class Json {

    private final Map<String, String> fields = new LinkedHashMap<>();

    Json put(String key, String value) {
        fields.put(key, value == null ? "null" : quote(value));
        return this;
    }

    Json put(String key, double value) {
        fields.put(key, Double.isFinite(value) ? String.format(Locale.ROOT, "%.10g", value) : "null");
        return this;
    }

    Json put(String key, long value) {
        fields.put(key, Long.toString(value));
        return this;
    }

    Json put(String key, boolean value) {
        fields.put(key, Boolean.toString(value));
        return this;
    }

    Json put(String key, Json value) {
        fields.put(key, value.toString());
        return this;
    }

    Json putArray(String key, double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        fields.put(key, sb.append(']').toString());
        return this;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(quote(e.getKey())).append(": ").append(e.getValue());
        }
        return sb.append('}').toString();
    }
}
