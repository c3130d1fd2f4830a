package io.statewise.ops.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code name=value} option argument, as in {@code -p k=10}. The value may contain {@code =} and may be empty; the
 * name may not.
 *
 * @param name  the name, trimmed
 * @param value everything after the first {@code =}
 */
record NameValue(String name, String value) {

    /** Parses {@code text}, or fails with "expected name=value". */
    static NameValue parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank()) {
            throw new TypeConversionException("expected name=value, got '" + text + "'");
        }
        return new NameValue(text.substring(0, eq).trim(), text.substring(eq + 1));
    }

    /** The pairs as a map in order; a later value for the same name wins. */
    static Map<String, String> toMap(List<NameValue> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NameValue p : pairs) map.put(p.name(), p.value());
        return map;
    }

    /** Picocli converter for {@code name=value} options. */
    static final class Converter implements ITypeConverter<NameValue> {
        @Override
        public NameValue convert(String value) {
            return parse(value);
        }
    }
}
