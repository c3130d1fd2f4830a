package io.statewise.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Converts an IDX image file (the MNIST / Fashion-MNIST format, optionally gzip-compressed) to headerless CSV: one
 * image per line, its pixels row by row as integers 0..255; with a labels file, each line starts with the image's
 * label.
 *
 * <p>{@code IdxToCsv <images-idx3-ubyte[.gz]> <out.csv> [<labels-idx1-ubyte[.gz]>]} prints
 * {@code {"rows": n, "columns": c}}.
 */
public final class IdxToCsv {

    private static final int IDX3_UBYTE = 0x00000803;
    private static final int IDX1_UBYTE = 0x00000801;

    private IdxToCsv() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: IdxToCsv <images-idx3-ubyte[.gz]> <out.csv> [<labels-idx1-ubyte[.gz]>]");
            System.exit(2);
        }
        byte[] labels = args.length == 3 ? readLabels(Path.of(args[2])) : null;
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        int n;
        int columns;
        try (DataInputStream idx = open(in);
             OutputStream csv = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            int magic = idx.readInt();
            if (magic != IDX3_UBYTE) throw new IOException(in + ": not an idx3-ubyte file (magic " + magic + ")");
            n = idx.readInt();
            if (labels != null && labels.length != n) {
                throw new IOException(args[2] + " has " + labels.length + " labels for " + n + " images");
            }
            columns = idx.readInt() * idx.readInt();
            byte[] image = new byte[columns];
            byte[] line = new byte[columns * 4 + 8];
            for (int i = 0; i < n; i++) {
                idx.readFully(image);
                int p = 0;
                if (labels != null) {
                    p = appendByte(line, p, labels[i] & 0xff);
                    line[p++] = ',';
                }
                for (int t = 0; t < columns; t++) {
                    if (t > 0) line[p++] = ',';
                    p = appendByte(line, p, image[t] & 0xff);
                }
                line[p++] = '\n';
                csv.write(line, 0, p);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(new Json().put("rows", n).put("columns", columns));
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
    }

    private static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream idx = open(file)) {
            int magic = idx.readInt();
            if (magic != IDX1_UBYTE) throw new IOException(file + ": not an idx1-ubyte file (magic " + magic + ")");
            byte[] labels = new byte[idx.readInt()];
            idx.readFully(labels);
            return labels;
        }
    }

    /** Appends {@code v} in 0..255 as decimal digits. */
    private static int appendByte(byte[] line, int p, int v) {
        if (v >= 100) line[p++] = (byte) ('0' + v / 100);
        if (v >= 10) line[p++] = (byte) ('0' + (v / 10) % 10);
        line[p++] = (byte) ('0' + v % 10);
        return p;
    }
}
