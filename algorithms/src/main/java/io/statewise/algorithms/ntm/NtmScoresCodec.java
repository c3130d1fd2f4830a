package io.statewise.algorithms.ntm;

import io.statewise.algorithms.SelectionScores;
import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link NtmScores} (persisted with an epoch's end, so replaying early stopping needs no
 * data), tag {@code NTSC}, version 1: header, double loss, double words, long documents, long empty documents.
 */
final class NtmScoresCodec implements Codec<SelectionScores> {

    static final CodecHeader HEADER = new CodecHeader("NTSC", 1);

    @Override
    public byte[] encode(SelectionScores value) {
        NtmScores s = Ntm.scores(value);
        return new BinaryWriter(HEADER, 32).putDouble(s.loss()).putDouble(s.words()).putLong(s.documents())
                .putLong(s.emptyDocuments()).toByteArray();
    }

    @Override
    public NtmScores decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        NtmScores s = new NtmScores(in.getDouble(), in.getDouble(), in.getLong(), in.getLong());
        in.expectEnd();
        return s;
    }
}
