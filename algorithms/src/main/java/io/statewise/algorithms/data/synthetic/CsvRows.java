package io.statewise.algorithms.data.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic records as CSV lines, an optional integer label first and each value with 4 decimals;
 * gzip-compressed if the file name ends in {@code .gz}. Formats numbers into one reused buffer, so millions of rows
 * take seconds and allocate nothing per record. Not thread-safe.
 */
public final class CsvRows implements AutoCloseable {

    private static final int DECIMALS = 4;
    private static final double SCALE = 1e4;
    private static final long[] POW10 = {1, 10, 100, 1000, 10000};
    private static final int WRITE_BUFFER = 1 << 20;

    private final Writer writer;
    private final char[] line;

    private CsvRows(Writer writer, int dimension) {
        this.writer = writer;
        this.line = new char[64 + dimension * 32];
    }

    /** A writer of rows of {@code dimension} values into {@code file} (created or replaced). */
    public static CsvRows create(Path file, int dimension) throws IOException {
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        OutputStream raw = Files.newOutputStream(file);
        try {
            OutputStream out = gzip ? new GZIPOutputStream(raw, WRITE_BUFFER) : raw;
            return new CsvRows(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII),
                    WRITE_BUFFER), dimension);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Writes one line: {@code label} first when present, then {@code values}. */
    public void write(OptionalInt label, float[] values) throws IOException {
        int n = 0;
        if (label.isPresent()) {
            int l = label.getAsInt();
            if (l < 0) {
                line[n++] = '-';
                l = -l;
            }
            n = appendLong(line, n, l);
            if (values.length > 0) line[n++] = ',';
        }
        for (int j = 0; j < values.length; j++) {
            if (j > 0) line[n++] = ',';
            n = appendFixed(line, n, values[j]);
        }
        line[n++] = '\n';
        writer.write(line, 0, n);
    }

    /** Writes one line: the real-valued {@code label} first (4 decimals), then {@code values}. */
    public void write(float label, float[] values) throws IOException {
        int n = appendFixed(line, 0, label);
        for (float v : values) {
            line[n++] = ',';
            n = appendFixed(line, n, v);
        }
        line[n++] = '\n';
        writer.write(line, 0, n);
    }

    /** Writes one line of {@code values}, no label. */
    public void write(double[] values) throws IOException {
        int n = 0;
        for (int j = 0; j < values.length; j++) {
            if (j > 0) line[n++] = ',';
            n = appendFixed(line, n, values[j]);
        }
        line[n++] = '\n';
        writer.write(line, 0, n);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** Appends {@code v} rounded to {@link #DECIMALS} decimals; returns the new length. */
    private static int appendFixed(char[] out, int n, double v) {
        double scaled = Math.rint(v * SCALE);
        if (Math.abs(scaled) >= 1e17) { // beyond the fixed-point range: rare, allocation is fine
            String s = Double.toString(v);
            s.getChars(0, s.length(), out, n);
            return n + s.length();
        }
        long units = (long) scaled;
        if (units < 0) {
            out[n++] = '-';
            units = -units;
        }
        n = appendLong(out, n, units / POW10[DECIMALS]);
        out[n++] = '.';
        long fraction = units % POW10[DECIMALS];
        for (int i = DECIMALS - 1; i >= 0; i--) {
            out[n++] = (char) ('0' + (fraction / POW10[i]) % 10);
        }
        return n;
    }

    /** Appends the decimal digits of {@code v >= 0}; returns the new length. */
    private static int appendLong(char[] out, int n, long v) {
        if (v == 0) {
            out[n] = '0';
            return n + 1;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) digits++;
        for (int i = n + digits - 1; i >= n; i--) {
            out[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return n + digits;
    }

}
