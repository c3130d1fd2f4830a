package io.statewise.algorithms.ntm;

import io.statewise.algorithms.State;
import io.statewise.algorithms.nn.EpochProgress;
import io.statewise.algorithms.text.VocabularyIndex;
import io.statewise.algorithms.text.VocabularyState;
import io.statewise.algorithms.text.VocabularyStateCodec;
import java.util.Arrays;

/**
 * The state of an NTM: network parameters, optimizer moments, counters and per-epoch bookkeeping. Three roles, told
 * apart by {@link #kind()}:
 * <ul>
 *   <li>{@link Kind#VOCABULARY}: the first epoch over text, the job's state and its partials alike: the vocabulary
 *       pass's state ({@link VocabularyState}, fixed-size by {@code vocab_size}, {@code capacity_factor} and
 *       {@code max_term_bytes}) and nothing else; there is no network before the vocabulary is known.</li>
 *   <li>{@link Kind#GLOBAL}: the job's parameters (the empty state of {@code init}, and every result of
 *       {@code completeEpoch} and {@code endEpoch}). Not trained directly.</li>
 *   <li>{@link Kind#PARTIAL}: a worker's training run from a base: its base parameters (shared with the global
 *       state it started from, never written), its current parameters, the optimizer moments it continued, its
 *       counters and the generator of its noise. Its contribution is {@code params - base}; a merged or decoded
 *       partial still holds both, so it can be finalized (the model it stands for is its current parameters) and
 *       trained further.</li>
 * </ul>
 * A GLOBAL or PARTIAL state built from text also holds the vocabulary's terms (word index to term), which training
 * partials map their documents through. Every such state encodes to the same number of bytes, fixed by the
 * {@link NtmShape} and the vocabulary (a global state writes its parameters where a partial writes its base).
 * Mutable and confined to one thread; the per-batch workspace and the term index are built on first use and never
 * encoded.
 */
public final class NtmState implements State {

    /** The role of a state. */
    public enum Kind { GLOBAL, PARTIAL, VOCABULARY }

    /** The network's dimensions; null for VOCABULARY. */
    final NtmShape shape;
    /** VOCABULARY: the vocabulary pass's state; null otherwise. */
    final VocabularyState vocabulary;
    Kind kind;
    /** Terms of the word indices when the vocabulary was built from the data (shared, never modified); else null. */
    String[] terms;
    /** The documents the vocabulary was built from (0 without a vocabulary epoch). */
    long vocabularyDocuments;
    /** Parameters, the trainable prefix then buffers. */
    float[] params;
    /** PARTIAL: the parameters it started from (read-only); GLOBAL: null. */
    float[] base;
    /** Optimizer moments: {@code shape.slots()} arrays over the trainable prefix. */
    float[][] moments;

    /** Records fed, whatever became of them. */
    long records;
    /** Documents trained on. */
    long documents;
    /** Records without a word, skipped. */
    long emptyDocuments;
    /** Malformed UTF-8 sequences in the text read, replaced by separators. */
    long malformedSequences;
    /** Documents left out by {@code sub_sample}. */
    long sampledOut;
    /** Mini-batches whose loss or gradient was not finite: no step was taken. */
    long skippedBatches;
    /** Words of the documents trained on. */
    double words;
    /** GLOBAL: optimizer steps of all workers; PARTIAL: this partial's steps. */
    long steps;
    /** PARTIAL: the base's steps (Adam's bias correction counts from there). */
    long baseSteps;

    /** The current epoch's summed negative ELBO (progressive: each batch before its step) and its documents. */
    double epochLoss;
    long epochDocuments;
    /** Epochs completed ({@code endEpoch} with training data), the last and best losses, early stopping. */
    EpochProgress progress = new EpochProgress();
    /** PARTIAL: the state of its noise and sub-sampling generator. */
    long random;

    private transient NtmWorkspace workspace;
    /** The index of {@link #terms}, built on first use and shared with copies and partials (it is immutable). */
    private transient VocabularyIndex index;

    NtmState(NtmShape shape, Kind kind, float[] params, float[] base, float[][] moments) {
        this.shape = shape;
        this.vocabulary = null;
        this.kind = kind;
        this.params = params;
        this.base = base;
        this.moments = moments;
    }

    private NtmState(VocabularyState vocabulary) {
        this.shape = null;
        this.vocabulary = vocabulary;
        this.kind = Kind.VOCABULARY;
    }

    /** A VOCABULARY state holding {@code vocabulary} (not copied). */
    static NtmState ofVocabulary(VocabularyState vocabulary) {
        return new NtmState(vocabulary);
    }

    public Kind kind() {
        return kind;
    }

    /** The network's dimensions; null for a VOCABULARY state. */
    public NtmShape shape() {
        return shape;
    }

    /** Documents (VOCABULARY) or records fed. */
    @Override
    public long records() {
        return kind == Kind.VOCABULARY ? vocabulary.records() : records;
    }

    @Override
    public long serializedSize() {
        return NtmStateCodec.encodedSize(this);
    }

    /** The terms of the word indices learned from text, or null (bag-of-words input). */
    public String[] terms() {
        return terms == null ? null : terms.clone();
    }

    /** The documents the vocabulary was built from; 0 without a vocabulary epoch. */
    public long vocabularyDocuments() {
        return vocabularyDocuments;
    }

    /** Documents trained on. */
    public long documents() {
        return documents;
    }

    /** Records without a word, skipped and counted. */
    public long emptyDocuments() {
        return emptyDocuments;
    }

    /** Documents left out by {@code sub_sample}. */
    public long sampledOut() {
        return sampledOut;
    }

    /** Mini-batches skipped because their loss or gradient was not finite. */
    public long skippedBatches() {
        return skippedBatches;
    }

    /** Optimizer steps (global: all workers'; partial: its own). */
    public long steps() {
        return steps;
    }

    /** Epochs completed. */
    public int epochsDone() {
        return progress.epochsDone();
    }

    /** The mean training loss (negative ELBO per document) of the last completed epoch; NaN before. */
    public double lastEpochLoss() {
        return progress.lastLoss();
    }

    /** Whether early stopping ended training. */
    public boolean stopped() {
        return progress.stopped();
    }

    /** A copy of the parameters. */
    public float[] parameters() {
        return params.clone();
    }

    /** The per-batch buffers, allocated on first use. */
    NtmWorkspace workspace(int parameters) {
        if (workspace == null) workspace = new NtmWorkspace(shape, parameters);
        return workspace;
    }

    /** The index of the learned {@link #terms}, or null without them. */
    VocabularyIndex termIndex() {
        if (index == null && terms != null) index = VocabularyIndex.of(Arrays.asList(terms));
        return index;
    }

    /** Steps behind this state's parameters: a global's, or a partial's base's plus its own. */
    long totalSteps() {
        return kind == Kind.GLOBAL ? steps : baseSteps + steps;
    }

    /** An independent copy of every encoded field. */
    NtmState copy() {
        if (kind == Kind.VOCABULARY) {
            VocabularyStateCodec codec = new VocabularyStateCodec();
            return ofVocabulary(codec.decode(codec.encode(vocabulary)));
        }
        float[][] m = new float[moments.length][];
        for (int s = 0; s < m.length; s++) m[s] = moments[s].clone();
        NtmState c = new NtmState(shape, kind, params.clone(), base == null ? null : base.clone(), m);
        c.copyCountersFrom(this);
        c.copyBookkeepingFrom(this);
        c.steps = steps;
        c.baseSteps = baseSteps;
        c.random = random;
        c.copyVocabularyFrom(this);
        return c;
    }

    /** Shares {@code o}'s terms (immutable) and their index. */
    void copyVocabularyFrom(NtmState o) {
        terms = o.terms;
        index = o.index;
        vocabularyDocuments = o.vocabularyDocuments;
    }

    void copyCountersFrom(NtmState o) {
        records = o.records;
        documents = o.documents;
        emptyDocuments = o.emptyDocuments;
        malformedSequences = o.malformedSequences;
        sampledOut = o.sampledOut;
        skippedBatches = o.skippedBatches;
        words = o.words;
        epochLoss = o.epochLoss;
        epochDocuments = o.epochDocuments;
    }

    void addCountersOf(NtmState o) {
        records += o.records;
        documents += o.documents;
        emptyDocuments += o.emptyDocuments;
        malformedSequences += o.malformedSequences;
        sampledOut += o.sampledOut;
        skippedBatches += o.skippedBatches;
        words += o.words;
        epochLoss += o.epochLoss;
        epochDocuments += o.epochDocuments;
    }

    void copyBookkeepingFrom(NtmState o) {
        progress = o.progress.copy();
    }

    @Override
    public String toString() {
        if (kind == Kind.VOCABULARY) return "NtmState[VOCABULARY, " + vocabulary + "]";
        return "NtmState[" + kind + ", V=" + shape.vocabulary() + ", K=" + shape.topics() + ", records=" + records
                + ", documents=" + documents + ", steps=" + steps + "]";
    }
}
