/**
 * The state laws: one test suite, {@link io.statewise.algorithms.laws.StateLawsTest}, that checks every registered
 * algorithm against the laws of {@link io.statewise.algorithms.ElasticAlgorithm}, because the runtime relies on them
 * for every algorithm alike (it splits data any way, merges partials in any order, checkpoints, finalizes at any time
 * and reuses batch buffers) and an algorithm's own tests tend to check only the laws its author thought of:
 * <ol>
 *   <li>the merge of partials of any partition (2 to 6 parts, contiguous or random, any merge tree) equals one pass,
 *       within the fixture's tolerance, and counts the same records;</li>
 *   <li>merge is associative within tolerance and commutative, bit for bit where the fixture says so;</li>
 *   <li>merge changes neither argument and shares no data with them; startPartial and completeEpoch leave their
 *       arguments alone, and a partial starts at zero records;</li>
 *   <li>the state's size (declared and encoded) is the same empty, at 10^3 and at 10^6 records;</li>
 *   <li>decode(encode(state)) re-encodes to the same bytes and carries on identically; models round-trip through
 *       the algorithm's and the provider's codec;</li>
 *   <li>finalize is repeatable and changes neither the state nor later updates;</li>
 *   <li>update keeps no batch buffer: garbage written into a batch after its update changes nothing;</li>
 *   <li>a state counts exactly the records fed, full batches or not, and a merge the sum.</li>
 * </ol>
 *
 * <p><b>Registering an algorithm.</b> Add a factory of a {@link io.statewise.algorithms.laws.LawFixture} to
 * {@link io.statewise.algorithms.laws.LawFixtures} and list it in {@code LawFixtures.all()}; every law then runs
 * against it, one test each, named after the fixture. A fixture gives:
 * <ul>
 *   <li>a name and the {@link io.statewise.algorithms.AlgorithmProvider} with raw hyperparameters;</li>
 *   <li>seeded data, a {@link io.statewise.algorithms.laws.BatchSource}: {@code BatchSources.denseBlobs} or
 *       {@code BatchSources.sparseBlobs}, or any replayable source built with {@code BatchSources.source}. Keep it to
 *       a few tens of thousands of records in at least 6 batches, and the dimension small: the size law feeds 10^6
 *       records and should take well under 2 s;</li>
 *   <li>a {@link io.statewise.algorithms.laws.Tolerance}: {@code Tolerance.exact(1e-9, ...)} for algorithms whose
 *       merge only reorders floating-point sums, {@code Tolerance.approximate(...)} for summarizing merges, each with
 *       an {@link io.statewise.algorithms.laws.Equivalence} measuring the difference of two states
 *       ({@code stateValues}, {@code modelValues}, {@code evaluatorMetric} over the fixture's data,
 *       {@code encodedState}; combine with {@code and});</li>
 *   <li>its {@link io.statewise.algorithms.laws.LawFixture.Commutativity}: {@code BITWISE} if {@code merge(a, b)}
 *       and {@code merge(b, a)} must encode identically.</li>
 * </ul>
 * For example, a PCA mode whose state is exact sums:
 * <pre>{@code
 * static LawFixture<PcaState, PcaModel> pcaRegular() {
 *     return new LawFixture<>("pca regular d=8", new PcaProvider(),
 *             Map.of("num_components", 3, "feature_dim", 8, "algorithm_mode", "regular"),
 *             BatchSources.denseBlobs(4, 8, 2.0, 500, 40, 23),
 *             Tolerance.exact(1e-9, Equivalence.stateValues(LawFixtures::pcaSums)),
 *             LawFixture.Commutativity.BITWISE);
 * }
 * }</pre>
 * An approximate fixture's data should make the approximation visible: k-means uses overlapping blobs, because on
 * well-separated ones every summary finalizes to the same cluster means and the tolerance is never tested.
 */
package io.statewise.algorithms.laws;
