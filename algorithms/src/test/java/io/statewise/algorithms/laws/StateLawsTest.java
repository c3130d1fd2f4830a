package io.statewise.algorithms.laws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.data.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws of {@link ElasticAlgorithm}, checked for every fixture of {@link LawFixtures#all()}: the runtime may split
 * the data any way, merge partials in any order, checkpoint states, finalize at any time and reuse batch buffers,
 * and the result must not depend on those choices. Each law is one test per fixture, so a failure names both.
 */
class StateLawsTest {

    static Stream<LawFixture<?, ?>> fixtures() {
        return LawFixtures.all().stream();
    }

    /** Law 1: partials of any partition, merged in any tree, give the state of one pass, within tolerance. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void mergeOfAnyPartitionEqualsOnePass(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        S whole = run.onePass(1);
        Random random = new Random(101);
        for (int parts = 2; parts <= 6; parts++) {
            for (boolean contiguous : new boolean[] {true, false}) {
                String what = parts + (contiguous ? " contiguous" : " randomly assigned") + " parts";
                S merged = mergeInRandomTree(run, partition(run, parts, contiguous, random), random);
                assertEquals(whole.records(), merged.records(), what);
                fixture.tolerance().assertEquivalent(run, whole, merged, "the merge of " + what + " vs one pass");
            }
        }
    }

    /** Law 2a: the merge tree does not matter, within tolerance. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void mergeIsAssociative(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        List<S> p = partition(run, 3, true, new Random(102));
        S a = p.get(0);
        S b = p.get(1);
        S c = p.get(2);
        S left = run.merge(run.merge(a, b), c);
        S right = run.merge(a, run.merge(b, c));
        assertEquals(left.records(), right.records());
        fixture.tolerance().assertEquivalent(run, left, right, "merge(merge(a, b), c) vs merge(a, merge(b, c))");
        S outer = run.merge(run.merge(a, c), b);
        fixture.tolerance().assertEquivalent(run, left, outer, "merge(merge(a, b), c) vs merge(merge(a, c), b)");
    }

    /** Law 2b: the order of a merge's arguments does not matter: bit for bit if the fixture says so. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void mergeIsCommutative(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        List<S> p = partition(run, 3, false, new Random(103));
        S ab = run.merge(p.get(0), p.get(1));
        List<S[]> pairs = pairs(p.get(0), p.get(1), run.partial(7), ab, p.get(2));
        for (S[] pair : pairs) {
            S xy = run.merge(pair[0], pair[1]);
            S yx = run.merge(pair[1], pair[0]);
            assertEquals(xy.records(), yx.records());
            if (fixture.commutativity() == LawFixture.Commutativity.BITWISE) {
                assertArrayEquals(run.bytes(xy), run.bytes(yx), fixture.name() + ": merge(x, y) vs merge(y, x)");
            } else {
                fixture.tolerance().assertEquivalent(run, xy, yx, "merge(x, y) vs merge(y, x)");
            }
        }
    }

    /** Law 3a: a merge modifies neither argument and returns a state that shares nothing with them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void mergeLeavesItsArgumentsUnchanged(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        List<S> p = partition(run, 3, true, new Random(104));
        S ab = run.merge(p.get(0), p.get(1));
        Batch extra = Batches.copy(run.data().open().next());
        for (S[] pair : pairs(p.get(0), p.get(1), run.partial(8), ab, p.get(2))) {
            byte[] x = run.bytes(pair[0]);
            byte[] y = run.bytes(pair[1]);
            S merged = run.merge(pair[0], pair[1]);
            assertNotSame(pair[0], merged);
            assertNotSame(pair[1], merged);
            assertArrayEquals(x, run.bytes(pair[0]), fixture.name() + ": merge changed its first argument");
            assertArrayEquals(y, run.bytes(pair[1]), fixture.name() + ": merge changed its second argument");
            run.algorithm().update(merged, extra);
            assertArrayEquals(x, run.bytes(pair[0]), fixture.name() + ": a merge shares its first argument's data");
            assertArrayEquals(y, run.bytes(pair[1]), fixture.name() + ": a merge shares its second argument's data");
        }
    }

    /** Law 3b: startPartial reads its base without changing it and starts at zero records; completeEpoch too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void startPartialAndCompleteEpochLeaveTheirArgumentsUnchanged(
            LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        ElasticAlgorithm<S, M> algorithm = run.algorithm();
        S base = run.onePass(1);
        byte[] baseBytes = run.bytes(base);
        S partial = algorithm.startPartial(base, 2);
        assertEquals(0, partial.records(), "a partial holds no contribution of its base");
        assertArrayEquals(baseBytes, run.bytes(base), fixture.name() + ": startPartial changed its base");
        run.feed(partial, run.data().open(), Integer.MAX_VALUE);
        assertArrayEquals(baseBytes, run.bytes(base), fixture.name() + ": a partial shares its base's data");
        byte[] partialBytes = run.bytes(partial);
        algorithm.completeEpoch(base, partial);
        assertArrayEquals(baseBytes, run.bytes(base), fixture.name() + ": completeEpoch changed the previous state");
        assertArrayEquals(partialBytes, run.bytes(partial), fixture.name() + ": completeEpoch changed the merge");
    }

    /** Law 4: a state's size depends on the hyperparameters and the schema only, never on the records seen. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void stateSizeIsFixed(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        S empty = run.empty();
        long size = empty.serializedSize();
        assertEquals(size, run.bytes(empty).length, "serializedSize of an empty state");
        S state = run.partial(1);
        assertEquals(size, state.serializedSize());
        assertEquals(size, run.bytes(state).length);
        Batch batch = run.data().open().next();
        long fed = 0;
        for (long checkpoint : new long[] {1_000, 1_000_000}) {
            while (fed < checkpoint) {
                run.algorithm().update(state, batch);
                fed += batch.size();
            }
            assertEquals(fed, state.records());
            assertEquals(size, state.serializedSize(), "serializedSize after " + fed + " records");
            assertEquals(size, run.bytes(state).length, "encoded size after " + fed + " records");
        }
        S merged = run.merge(state, run.onePass(2));
        assertEquals(size, merged.serializedSize(), "serializedSize of a merge");
        assertEquals(size, run.bytes(merged).length, "encoded size of a merge");
    }

    /** Law 5a: decoding and encoding again gives the same bytes, and a decoded state carries on identically. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void stateCodecRoundTrips(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        S oneBatch = run.partial(2);
        run.feed(oneBatch, run.data().open(), 1);
        List<S> p = partition(run, 2, true, new Random(105));
        Codec<S> codec = run.algorithm().stateCodec();
        for (S state : List.of(run.empty(), run.partial(1), oneBatch, run.onePass(3), run.merge(p.get(0), p.get(1)))) {
            byte[] bytes = codec.encode(state);
            S decoded = codec.decode(bytes);
            assertArrayEquals(bytes, codec.encode(decoded), fixture.name() + ": re-encoding " + state);
            assertEquals(state.records(), decoded.records());
            assertEquals(state.serializedSize(), decoded.serializedSize());
        }
        S original = run.partial(4);
        Iterator<Batch> pass = run.data().open();
        run.feed(original, pass, run.data().batches() / 2);
        S decoded = run.copy(original);
        while (pass.hasNext()) {
            Batch batch = pass.next();
            run.algorithm().update(original, batch);
            run.algorithm().update(decoded, batch);
        }
        assertArrayEquals(run.bytes(original), run.bytes(decoded), fixture.name() + ": a decoded state diverged");
        assertArrayEquals(run.modelBytes(original), run.modelBytes(decoded));
    }

    /** Law 5b: a model round-trips through the algorithm's codec and the provider's (no hyperparameters needed). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void modelCodecRoundTrips(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        M model = run.algorithm().finalize(run.onePass(1));
        byte[] bytes = run.algorithm().modelCodec().encode(model);
        M decoded = fixture.provider().modelCodec().decode(bytes);
        assertArrayEquals(bytes, fixture.provider().modelCodec().encode(decoded));
        assertArrayEquals(bytes, run.algorithm().modelCodec().encode(run.algorithm().modelCodec().decode(bytes)));
        assertEquals(model.featureDimension(), decoded.featureDimension());
        assertEquals(model.algorithm(), decoded.algorithm());
    }

    /** Law 6: finalize may be called any number of times; it changes neither the state nor what follows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void finalizeIsRepeatableAndLeavesTheStateAlone(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        List<S> p = partition(run, 2, false, new Random(106));
        for (S state : List.of(run.onePass(1), run.merge(p.get(0), p.get(1)))) {
            byte[] before = run.bytes(state);
            byte[] first = run.modelBytes(state);
            byte[] second = run.modelBytes(state);
            assertArrayEquals(first, second, fixture.name() + ": two finalizes of one state differ");
            assertArrayEquals(before, run.bytes(state), fixture.name() + ": finalize changed the state");
        }
        S finalized = run.partial(2);
        Iterator<Batch> pass = run.data().open();
        run.feed(finalized, pass, run.data().batches() / 2);
        S untouched = run.copy(finalized);
        run.algorithm().finalize(finalized);
        run.algorithm().finalize(finalized);
        while (pass.hasNext()) {
            Batch batch = pass.next();
            run.algorithm().update(finalized, batch);
            run.algorithm().update(untouched, batch);
        }
        assertArrayEquals(run.bytes(untouched), run.bytes(finalized),
                fixture.name() + ": updates after a finalize differ from updates without");
    }

    /** Law 7: update keeps no reference to a batch: garbage written into it afterwards changes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void updateRetainsNoBatchBuffer(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        S scribbled = run.partial(5);
        S control = run.partial(5);
        Iterator<Batch> pass = run.data().open();
        for (int i = 0; pass.hasNext(); i++) {
            Batch batch = pass.next();
            Batch own = Batches.copy(batch);
            run.algorithm().update(control, batch);
            run.algorithm().update(scribbled, own);
            byte[] after = run.bytes(scribbled);
            Batches.scribble(own);
            assertArrayEquals(after, run.bytes(scribbled), fixture.name() + ": garbage in batch " + i
                    + " reached the state after its update");
        }
        assertArrayEquals(run.bytes(control), run.bytes(scribbled), fixture.name() + ": later updates saw garbage");
        assertArrayEquals(run.modelBytes(control), run.modelBytes(scribbled),
                fixture.name() + ": finalize saw garbage");
    }

    /**
     * Law 8: a state counts exactly the records it was fed (each record once: a pass is an iterator read once), full
     * batch or not; a new partial counts none, and a merge the sum.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    <S extends State, M extends Model> void statesCountTheRecordsFed(LawFixture<S, M> fixture) {
        LawRun<S, M> run = LawRun.of(fixture);
        assertEquals(0, run.empty().records());
        S state = run.partial(1);
        assertEquals(0, state.records());
        long fed = 0;
        for (Iterator<Batch> pass = run.data().open(); pass.hasNext(); ) {
            Batch batch = pass.next();
            run.algorithm().update(state, batch);
            fed += batch.size();
            assertEquals(fed, state.records());
        }
        assertTrue(fed > 0, "the fixture's data is empty");
        Batch partlyFilled = Batches.copy(run.data().open().next(), 3);
        run.algorithm().update(state, partlyFilled);
        fed += 3;
        assertEquals(fed, state.records(), "records after a batch that is not full");
        S few = run.partial(2);
        long some = run.feed(few, run.data().open(), 3);
        assertEquals(fed + some, run.merge(state, few).records());
        assertEquals(fed, run.merge(state, run.partial(3)).records());
    }

    /**
     * The first-epoch partials of a partition of one pass into {@code parts}: contiguous runs of batches (as splits of
     * files) or each batch to a random part. The pass is read once, every batch going to its part as it comes.
     */
    private static <S extends State, M extends Model> List<S> partition(LawRun<S, M> run, int parts,
                                                                        boolean contiguous, Random random) {
        int batches = run.data().batches();
        if (batches < parts) throw new IllegalStateException("the fixture's data has fewer than " + parts + " batches");
        List<S> partials = new ArrayList<>();
        for (int i = 0; i < parts; i++) partials.add(run.partial(random.nextLong()));
        int[] part = new int[batches];
        if (contiguous) {
            TreeSet<Integer> cuts = new TreeSet<>();
            while (cuts.size() < parts - 1) cuts.add(1 + random.nextInt(batches - 1));
            for (int i = 0, p = 0; i < batches; i++) {
                if (cuts.contains(i)) p++;
                part[i] = p;
            }
        } else {
            for (int i = 0; i < batches; i++) part[i] = random.nextInt(parts);
        }
        Iterator<Batch> pass = run.data().open();
        for (int i = 0; pass.hasNext(); i++) run.algorithm().update(partials.get(part[i]), pass.next());
        return partials;
    }

    /** Merges pairs drawn at random, in random argument order, until one state is left: any tree shape. */
    private static <S extends State, M extends Model> S mergeInRandomTree(LawRun<S, M> run, List<S> states,
                                                                          Random random) {
        List<S> pool = new ArrayList<>(states);
        while (pool.size() > 1) {
            S a = pool.remove(random.nextInt(pool.size()));
            S b = pool.remove(random.nextInt(pool.size()));
            pool.add(run.merge(a, b));
        }
        return pool.get(0);
    }

    /** Pairs of two partials, a partial with an empty one (both ways), a state with itself, a merge with another. */
    @SuppressWarnings("unchecked")
    private static <S extends State> List<S[]> pairs(S a, S b, S empty, S merged, S c) {
        List<S[]> out = new ArrayList<>();
        out.add((S[]) new State[] {a, b});
        out.add((S[]) new State[] {a, empty});
        out.add((S[]) new State[] {empty, a});
        out.add((S[]) new State[] {a, a});
        out.add((S[]) new State[] {merged, c});
        return out;
    }
}
