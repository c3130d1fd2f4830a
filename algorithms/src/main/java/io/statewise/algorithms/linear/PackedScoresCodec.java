package io.statewise.algorithms.linear;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link PackedScores} (what a job persists with an epoch's end, so that replaying the epoch's
 * early stopping needs no data), tag {@code LLSC}, version 1:
 * <pre>
 *   header (8 bytes)
 *   int models, int bins
 *   doubles loss sums (models), doubles loss weights (models), doubles histograms (models x 2 x bins)
 * </pre>
 */
final class PackedScoresCodec implements Codec<SelectionScores> {

    static final CodecHeader HEADER = new CodecHeader("LLSC", 1);

    private final int models;
    private final int bins;

    /** A codec for scores of {@code models} packed models with {@code bins} bins: other scores are refused. */
    PackedScoresCodec(int models, int bins) {
        this.models = models;
        this.bins = bins;
    }

    @Override
    public byte[] encode(SelectionScores value) {
        if (!(value instanceof PackedScores s)) {
            throw new IllegalArgumentException("not a linear learner's validation scores: " + value);
        }
        int size = CodecHeader.SIZE + 8 + (4 + 8 * s.models()) * 2 + 4 + 8 * s.histogram.length;
        return new BinaryWriter(HEADER, size).putInt(s.models()).putInt(s.bins())
                .putDoubles(s.lossSum).putDoubles(s.lossWeight).putDoubles(s.histogram).toByteArray();
    }

    @Override
    public PackedScores decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int encodedModels = in.getInt();
        int encodedBins = in.getInt();
        if (encodedModels != models || encodedBins != bins) {
            throw new CodecException("LLSC: scores of " + encodedModels + " models and " + encodedBins + " bins do"
                    + " not belong to this configuration (" + models + " models, " + bins + " bins)");
        }
        PackedScores s = new PackedScores(models, bins);
        fill(in.getDoubles(), s.lossSum, "loss sums");
        fill(in.getDoubles(), s.lossWeight, "loss weights");
        fill(in.getDoubles(), s.histogram, "histograms");
        in.expectEnd();
        return s;
    }

    private static void fill(double[] from, double[] into, String what) {
        if (from.length != into.length) {
            throw new CodecException("LLSC: " + what + " of length " + from.length + ", expected " + into.length);
        }
        System.arraycopy(from, 0, into, 0, into.length);
    }
}
