package io.statewise.algorithms.data;

import java.nio.charset.StandardCharsets;

/**
 * A parser of SageMaker DeepAR's series objects ({@link JsonLinesFormat}'s lines, and the instances of a prediction
 * request) for that fixed schema only, at the byte level, allocating only a series' id: {@code start},
 * {@code target} (numbers, {@code null} or {@code "NaN"}), {@code cat} (an integer or integers),
 * {@code dynamic_feat} (arrays of numbers of one length, at least the target's) and an id ({@code id} or
 * {@code item_id}); other fields are skipped. Strings may escape only quotes and backslashes. Not thread-safe.
 */
public final class JsonSeriesParser {

    /** A malformed series object: what is wrong, and the offset in the parsed bytes where. */
    static final class Malformed extends RuntimeException {
        final int position;

        Malformed(int position, String what) {
            super(what, null, false, false);
            this.position = position;
        }
    }

    private final FloatParser numbers = new FloatParser();
    private byte[] b;
    private int p;
    private int end;
    private int lineStart;

    /**
     * Parses the series object in {@code bytes[from, to)} into a new series of {@code series}, named by its id field
     * or else by {@code origin}.
     *
     * @throws Malformed at the offset of the problem; the series being built is then abandoned
     */
    void parse(byte[] bytes, int from, int to, String origin, SeriesBatch series) {
        b = bytes;
        p = from;
        end = to;
        lineStart = from;
        try {
            parseObject(origin, series);
        } catch (Malformed e) {
            series.abandonSeries();
            throw e;
        }
    }

    /**
     * Parses one series object given as text (an instance of a prediction request) into a new series of
     * {@code series}.
     *
     * @throws DataException {@code <origin>:<column>: what}
     */
    public void parse(String json, String origin, SeriesBatch series) {
        byte[] utf8 = json.strip().getBytes(StandardCharsets.UTF_8);
        try {
            parse(utf8, 0, utf8.length, origin, series);
        } catch (Malformed e) {
            throw new DataException(origin + ":" + (e.position + 1) + ": " + e.getMessage());
        }
    }

    private void parseObject(String origin, SeriesBatch series) {
        series.beginSeries(null, origin, 0);
        long start = Timestamps.INVALID;
        boolean target = false;
        String id = null;
        int features = 0;
        int dynamicLength = -1;
        expect('{');
        if (!peek('}')) {
            do {
                int keyAt = skipBlanks();
                String key = string();
                expect(':');
                int valueAt = skipBlanks();
                switch (key) {
                    case "start" -> {
                        int from = p + 1;
                        string();
                        start = Timestamps.parse(b, from, p - 1);
                        if (start == Timestamps.INVALID) {
                            throw new Malformed(valueAt, "start '" + new String(b, from, p - 1 - from,
                                    StandardCharsets.UTF_8) + "' is not a timestamp YYYY-MM-DD HH:MM:SS");
                        }
                    }
                    case "target" -> {
                        if (series.pendingLength() > 0 || target) throw new Malformed(keyAt, "duplicate field target");
                        numbers(series, true);
                        target = true;
                    }
                    case "cat" -> cats(series);
                    case "dynamic_feat" -> {
                        expect('[');
                        if (!peek(']')) {
                            do {
                                int at = skipBlanks();
                                int before = series.pendingDynamicValues();
                                numbers(series, false);
                                int length = series.pendingDynamicValues() - before;
                                if (dynamicLength >= 0 && length != dynamicLength) {
                                    throw new Malformed(at, "dynamic_feat[" + features + "] has " + length
                                            + " values, dynamic_feat[0] has " + dynamicLength);
                                }
                                dynamicLength = length;
                                features++;
                            } while (comma());
                        }
                        expect(']');
                    }
                    case "id", "item_id" -> id = peek('"') ? string() : scalar();
                    default -> skipValue();
                }
            } while (comma());
        }
        expect('}');
        if (skipBlanks() != end) throw new Malformed(p, "unexpected text after the series object");
        if (start == Timestamps.INVALID) throw new Malformed(lineStart, "missing field start");
        if (!target || series.pendingLength() == 0) throw new Malformed(lineStart, "missing or empty target");
        if (!observed(series)) throw new Malformed(lineStart, "target has no observed value (all missing)");
        if (features > 0 && dynamicLength < series.pendingLength()) {
            throw new Malformed(lineStart, "dynamic_feat arrays have " + dynamicLength + " values, fewer than the "
                    + series.pendingLength() + " of target");
        }
        series.identifySeries(id == null ? origin : id, start);
        series.commitSeries(features);
    }

    private static boolean observed(SeriesBatch series) {
        int from = series.valueStart(series.size());
        for (int i = 0; i < series.pendingLength(); i++) {
            if (!Float.isNaN(series.values()[from + i])) return true;
        }
        return false;
    }

    /** An array of numbers ({@code null} and NaN spellings are missing) to the target or the dynamic values. */
    private void numbers(SeriesBatch series, boolean target) {
        expect('[');
        if (!peek(']')) {
            do {
                int at = skipBlanks();
                float v;
                if (literal("null")) {
                    v = Float.NaN;
                } else if (peek('"')) {
                    if (p + 4 < end && b[p + 4] == '"' && FloatParser.isNan(b, p + 1, p + 4)) {
                        p += 5; // "NaN" without allocating: it may stand for every missing value
                    } else {
                        String s = string();
                        if (!s.equalsIgnoreCase("nan")) {
                            throw new Malformed(at, "expected a number, null or \"NaN\", got \"" + s + "\"");
                        }
                    }
                    v = Float.NaN;
                } else if (literal("NaN")) {
                    v = Float.NaN;
                } else {
                    int next = numbers.parse(b, p, end);
                    if (next < 0) throw new Malformed(at, "expected a number, null or \"NaN\"");
                    v = numbers.value();
                    p = next;
                }
                if (target) series.appendValue(v);
                else series.appendDynamic(Float.isNaN(v) ? 0f : v);
            } while (comma());
        }
        expect(']');
    }

    private void cats(SeriesBatch series) {
        boolean array = peek('[');
        if (array) expect('[');
        if (!array || !peek(']')) {
            do {
                int at = skipBlanks();
                int next = numbers.parse(b, p, end);
                float v = numbers.value();
                if (next < 0 || v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw new Malformed(at, "cat values must be non-negative integers");
                }
                p = next;
                series.appendCat((int) v);
            } while (array && comma());
        }
        if (array) expect(']');
    }

    private int skipBlanks() {
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) p++;
        return p;
    }

    private boolean peek(char c) {
        skipBlanks();
        return p < end && b[p] == c;
    }

    private void expect(char c) {
        if (!peek(c)) throw new Malformed(p, "expected '" + c + "'" + (p < end ? ", found '" + (char) b[p] + "'"
                : " before the end of the line"));
        p++;
    }

    private boolean comma() {
        if (!peek(',')) return false;
        p++;
        return true;
    }

    private boolean literal(String word) {
        skipBlanks();
        if (p + word.length() > end) return false;
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) return false;
        }
        p += word.length();
        return true;
    }

    /** A JSON string without escapes beyond {@code \"} and {@code \\}, whose value is returned. */
    private String string() {
        expect('"');
        int from = p;
        boolean escaped = false;
        while (p < end && b[p] != '"') {
            if (b[p] == '\\') {
                escaped = true;
                p++;
            }
            p++;
        }
        if (p >= end) throw new Malformed(from - 1, "unterminated string");
        String s = new String(b, from, p - from, StandardCharsets.UTF_8);
        p++;
        return escaped ? s.replace("\\\"", "\"").replace("\\\\", "\\") : s;
    }

    /** A number or literal, as text. */
    private String scalar() {
        int from = skipBlanks();
        while (p < end && b[p] != ',' && b[p] != '}' && b[p] != ']' && b[p] != ' ') p++;
        if (p == from) throw new Malformed(p, "expected a value");
        return new String(b, from, p - from, StandardCharsets.UTF_8);
    }

    private void skipValue() {
        if (peek('"')) {
            string();
        } else if (peek('[') || peek('{')) {
            char close = b[p] == '[' ? ']' : '}';
            p++;
            if (!peek(close)) {
                do {
                    if (close == '}') {
                        string();
                        expect(':');
                    }
                    skipValue();
                } while (comma());
            }
            expect(close);
        } else {
            scalar();
        }
    }
}
