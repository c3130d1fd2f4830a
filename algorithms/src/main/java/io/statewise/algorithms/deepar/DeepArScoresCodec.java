package io.statewise.algorithms.deepar;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link DeepArScores} (persisted with an epoch's end, so replaying early stopping needs no
 * data), tag {@code DASC}, version 1: header, double loss, long observations.
 */
final class DeepArScoresCodec implements Codec<SelectionScores> {

    static final CodecHeader HEADER = new CodecHeader("DASC", 1);

    @Override
    public byte[] encode(SelectionScores value) {
        DeepArScores s = DeepAr.scores(value);
        return new BinaryWriter(HEADER, 16).putDouble(s.loss()).putLong(s.observations()).toByteArray();
    }

    @Override
    public DeepArScores decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        DeepArScores s = new DeepArScores(in.getDouble(), in.getLong());
        in.expectEnd();
        return s;
    }
}
