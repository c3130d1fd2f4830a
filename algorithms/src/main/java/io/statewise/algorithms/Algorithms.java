package io.statewise.algorithms;

import io.statewise.algorithms.kmeans.KMeansProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The registry of algorithms by name. Each new algorithm family registers its provider here. */
public final class Algorithms {

    private static final Map<String, AlgorithmProvider<?, ?>> BY_NAME = new ConcurrentSkipListMap<>();

    static {
        register(new KMeansProvider());
        register(new io.statewise.algorithms.linear.LinearLearnerProvider());
        register(new io.statewise.algorithms.pca.PcaProvider());
        register(new io.statewise.algorithms.text.VocabularyProvider());
        register(new io.statewise.algorithms.ntm.NtmProvider());
        register(new io.statewise.algorithms.deepar.DeepArProvider());
    }

    private Algorithms() {}

    /**
     * Registers a provider under its name: the extension point for algorithms outside this module (and for test
     * algorithms that exercise the runtime). A later registration of the same name replaces the earlier one.
     */
    public static synchronized void register(AlgorithmProvider<?, ?> provider) {
        BY_NAME.put(provider.name(), provider);
    }

    /** Names of every registered algorithm, sorted. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The provider registered as {@code name}.
     *
     * @throws UnknownAlgorithmException naming the known algorithms
     */
    public static AlgorithmProvider<?, ?> provider(String name) {
        AlgorithmProvider<?, ?> p = BY_NAME.get(name);
        if (p == null) throw new UnknownAlgorithmException(name, names());
        return p;
    }
}
