package io.statewise.algorithms.laws;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.Batch;
import java.util.Iterator;

/**
 * A fixture's algorithm instance and the operations the laws compose from it. Holds no state between laws: every
 * state it returns is new.
 *
 * @param <S> state type
 * @param <M> model type
 */
public final class LawRun<S extends State, M extends Model> {

    private final LawFixture<S, M> fixture;
    private final ElasticAlgorithm<S, M> algorithm;

    private LawRun(LawFixture<S, M> fixture) {
        this.fixture = fixture;
        this.algorithm = fixture.provider().create(fixture.hyperParameters());
    }

    /** The algorithm of {@code fixture}, configured with its hyperparameters. */
    public static <S extends State, M extends Model> LawRun<S, M> of(LawFixture<S, M> fixture) {
        return new LawRun<>(fixture);
    }

    public LawFixture<S, M> fixture() {
        return fixture;
    }

    public ElasticAlgorithm<S, M> algorithm() {
        return algorithm;
    }

    public BatchSource data() {
        return fixture.data();
    }

    /** {@code init} of the data's schema: the global state before the first epoch. */
    public S empty() {
        return algorithm.init(data().schema());
    }

    /** A first-epoch partial: {@code startPartial(empty(), seed)}. */
    public S partial(long seed) {
        return algorithm.startPartial(empty(), seed);
    }

    /** A partial fed one whole pass of the data. */
    public S onePass(long seed) {
        S state = partial(seed);
        feed(state, data().open(), Integer.MAX_VALUE);
        return state;
    }

    /** Feeds up to {@code count} batches of {@code pass} to {@code state}; returns the records fed. */
    public long feed(S state, Iterator<Batch> pass, int count) {
        long records = 0;
        for (int i = 0; i < count && pass.hasNext(); i++) {
            Batch batch = pass.next();
            algorithm.update(state, batch);
            records += batch.size();
        }
        return records;
    }

    public S merge(S a, S b) {
        return algorithm.merge(a, b);
    }

    /** The state's encoding. */
    public byte[] bytes(S state) {
        return algorithm.stateCodec().encode(state);
    }

    /** An independent copy, through the codec. */
    public S copy(S state) {
        return algorithm.stateCodec().decode(bytes(state));
    }

    /** The encoding of the state's finalized model. */
    public byte[] modelBytes(S state) {
        return algorithm.modelCodec().encode(algorithm.finalize(state));
    }

    /**
     * The evaluator's {@code metric} of {@code model} over one pass of the data.
     *
     * @throws IllegalStateException if the evaluator does not report {@code metric}
     */
    public double evaluate(M model, String metric) {
        Evaluator evaluator = algorithm.evaluator(model);
        for (Iterator<Batch> pass = data().open(); pass.hasNext(); ) evaluator.add(pass.next());
        if (!evaluator.result().values().containsKey(metric)) {
            throw new IllegalStateException(fixture.name() + ": the evaluator reports " + evaluator.result().values()
                    .keySet() + ", not " + metric + "; set the fixture's hyperparameters to report it");
        }
        return evaluator.result().get(metric);
    }
}
