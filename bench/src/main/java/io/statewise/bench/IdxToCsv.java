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
 * image per line, its pixels row by row as integers 0..255.
 *
 * <p>{@code IdxToCsv <images-idx3-ubyte[.gz]> <out.csv>} prints {@code {"rows": n, "columns": c}}.
 */
public final class IdxToCsv {

    private static final int IDX3_UBYTE = 0x00000803;

    private IdxToCsv() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: IdxToCsv <images-idx3-ubyte[.gz]> <out.csv>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        int n;
        int columns;
        try (InputStream raw = Files.newInputStream(in);
             DataInputStream idx = new DataInputStream(new java.io.BufferedInputStream(
                     in.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
             OutputStream csv = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            int magic = idx.readInt();
            if (magic != IDX3_UBYTE) throw new IOException(in + ": not an idx3-ubyte file (magic " + magic + ")");
            n = idx.readInt();
            columns = idx.readInt() * idx.readInt();
            byte[] image = new byte[columns];
            byte[] line = new byte[columns * 4];
            for (int i = 0; i < n; i++) {
                idx.readFully(image);
                int p = 0;
                for (int t = 0; t < columns; t++) {
                    if (t > 0) line[p++] = ',';
                    int v = image[t] & 0xff;
                    if (v >= 100) line[p++] = (byte) ('0' + v / 100);
                    if (v >= 10) line[p++] = (byte) ('0' + (v / 10) % 10);
                    line[p++] = (byte) ('0' + v % 10);
                }
                line[p++] = '\n';
                csv.write(line, 0, p);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(new Json().put("rows", n).put("columns", columns));
    }
}
