package io.statewise.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the bench mains: {@code --name value} pairs (repeatable) and positional arguments. */
final class Args {

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
                options.computeIfAbsent(a.substring(2), n -> new ArrayList<>()).add(args[++i]);
            } else {
                positional.add(a);
            }
        }
    }

    String required(String name) {
        List<String> v = options.get(name);
        if (v == null) throw new IllegalArgumentException("missing --" + name);
        return v.get(v.size() - 1);
    }

    String get(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    long getLong(String name, long fallback) {
        return Long.parseLong(get(name, Long.toString(fallback)));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** The {@code --hp name=value} options, in order (a later value of a name wins). */
    Map<String, String> hyperParameters() {
        Map<String, String> hp = new LinkedHashMap<>();
        for (String kv : all("hp")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--hp expects name=value, got " + kv);
            hp.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return hp;
    }

    List<String> positional() {
        return positional;
    }
}
