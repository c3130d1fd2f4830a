package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.tuning.Elbow;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.SweepValues;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import io.statewise.algorithms.tuning.TuneRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep of {@code k}: every candidate is finalized from the same state (the state's weighted centers reduced to
 * {@code k}, cheap: no data is read), then scored on validation records in one pass, or on the state's weighted
 * centers without validation data. Scores per {@code k}: the mean squared distance to the nearest center ({@code msd},
 * SageMaker's k-means metric) and the simplified silhouette ({@code (b - a) / max(a, b)} with {@code a}, {@code b}
 * the distances to the nearest and second-nearest center, averaged; Hruschka et al., "Evolutionary algorithms for
 * clustering gene-expression data", ICDM 2004), which needs no pairwise distances. Choice: {@code elbow} of the MSD
 * curve ({@link Elbow}, the default) or the highest {@code silhouette} (k >= 2).
 *
 * <p>Mutable, single-threaded.
 */
final class KMeansSweep implements Sweep {

    /** The choices, the default first. */
    static final List<String> CHOICES = List.of("elbow", "silhouette");

    private final String select;
    private final int[] ks;
    private final KMeansModel[] models;
    private final Scores onState;
    private final Scores onData;
    private final int d;
    private float[] dense;

    KMeansSweep(KMeans kmeans, KMeansState state, TuneRequest request) {
        List<HyperParameters> candidates = SweepValues.parse(kmeans.hyperParameters(), List.of("k"), request);
        this.select = SweepValues.select(request, CHOICES);
        if (request.target().isPresent()) {
            throw new TuneRequestException("target", "k-means chooses by " + String.join(" or ", CHOICES)
                    + " and takes no target");
        }
        this.d = state.dimension();
        int n = state.weightedCenters();
        ks = new int[candidates.size()];
        models = new KMeansModel[ks.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = candidates.get(i).getInt("k");
            if (ks[i] > n) {
                throw new TuneRequestException("values", "k = " + ks[i] + " exceeds the state's " + n
                        + " weighted centers (k * extra_center_factor of the job); tune k <= " + n);
            }
            models[i] = kmeans.finalize(state, candidates.get(i));
        }
        onState = new Scores(models, d);
        onData = new Scores(models, d);
        float[] center = new float[d];
        for (int j = 0; j < state.filled; j++) {
            double w = state.weights[j];
            if (w <= 0) continue;
            for (int t = 0; t < d; t++) center[t] = (float) state.centers[j * d + t];
            onState.add(center, 0, w);
        }
    }

    @Override
    public boolean readsData() {
        return true;
    }

    @Override
    public void add(Batch input) {
        Batch.requireNumeric(input, KMeansProvider.NAME);
        if (input.dimension() != d) {
            throw new IllegalArgumentException("batch has " + input.dimension() + " features, the state " + d);
        }
        if (input instanceof DenseBatch batch) {
            float[] x = batch.features();
            for (int r = 0; r < batch.size(); r++) onData.add(x, r * d, 1);
            return;
        }
        SparseBatch batch = (SparseBatch) input;
        if (dense == null) dense = new float[d];
        for (int r = 0; r < batch.size(); r++) {
            Arrays.fill(dense, 0f);
            for (int p = batch.rowStart()[r]; p < batch.rowStart()[r + 1]; p++) {
                dense[batch.indices()[p]] = batch.values()[p];
            }
            onData.add(dense, 0, 1);
        }
    }

    @Override
    public TuneResult result() {
        boolean data = !onData.isEmpty();
        String scope = data ? "validation_" : "state_";
        List<TuneRow> rows = new ArrayList<>(ks.length);
        double[] x = new double[ks.length];
        double[] msd = new double[ks.length];
        double[] silhouette = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            Scores s = data ? onData : onState;
            x[i] = ks[i];
            msd[i] = s.msd(i);
            silhouette[i] = s.silhouette(i);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put(scope + "msd", msd[i]);
            scores.put(scope + "silhouette", silhouette[i]);
            if (data) scores.put("state_msd", onState.msd(i));
            rows.add(new TuneRow(Integer.toString(ks[i]), scores));
        }
        int chosen = select.equals("elbow") ? elbow(x, msd) : highest(silhouette);
        String how = select.equals("elbow") ? "elbow of " + scope + "msd" : "highest " + scope + "silhouette";
        return new TuneResult("k", rows, chosen, how, models[chosen], rows.get(chosen).scores());
    }

    /** The elbow over the candidates sorted by k (requests may list them in any order). */
    private static int elbow(double[] x, double[] y) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] sx = new double[x.length];
        double[] sy = new double[x.length];
        for (int i = 0; i < order.length; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
        }
        return order[Elbow.of(sx, sy)];
    }

    private static int highest(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (best < 0 || values[i] > values[best])) best = i;
        }
        if (best < 0) {
            throw new TuneRequestException("select", "the silhouette needs k >= 2 in the range");
        }
        return best;
    }

    /**
     * Weighted sums of every candidate's squared distance to the nearest center and of its simplified silhouette.
     * All candidates' centers sit in one array, transposed ({@code d x total}), with their squared norms, so a record's
     * dot products with all of them are {@code d} vector updates over the centers, which the JIT vectorizes
     * ({@code ||x - c||^2 = ||x||^2 + ||c||^2 - 2 x.c}, clipped at 0); then each candidate's slice is scanned for its
     * nearest and second-nearest center.
     */
    private static final class Scores {
        private final int[] ks;
        private final int[] first;
        private final int d;
        /** Column {@code c} holds center {@code c}: {@code centersT[t * total + c]}. */
        private final float[] centersT;
        private final double[] norms;
        private final float[] dots;
        private final double[] ssd;
        private final double[] silhouette;
        private double weight;

        Scores(KMeansModel[] models, int d) {
            this.d = d;
            ks = new int[models.length];
            first = new int[models.length];
            int total = 0;
            for (int i = 0; i < models.length; i++) {
                ks[i] = models[i].k();
                first[i] = total;
                total += ks[i];
            }
            centersT = new float[total * d];
            norms = new double[total];
            for (int i = 0; i < models.length; i++) {
                float[][] c = models[i].centers();
                for (int j = 0; j < ks[i]; j++) {
                    int column = first[i] + j;
                    double norm = 0;
                    for (int t = 0; t < d; t++) {
                        centersT[t * total + column] = c[j][t];
                        norm += (double) c[j][t] * c[j][t];
                    }
                    norms[column] = norm;
                }
            }
            dots = new float[total];
            ssd = new double[models.length];
            silhouette = new double[models.length];
        }

        /** Adds the point {@code x[offset, offset + d)} with weight {@code w} to every candidate's sums. */
        void add(float[] x, int offset, double w) {
            double xNorm = 0;
            for (int t = 0; t < d; t++) xNorm += (double) x[offset + t] * x[offset + t];
            int total = dots.length;
            java.util.Arrays.fill(dots, 0f);
            for (int t = 0; t < d; t++) {
                float xt = x[offset + t];
                for (int c = 0, base = t * total; c < total; c++) dots[c] += xt * centersT[base + c];
            }
            for (int i = 0; i < ks.length; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                double second = Double.POSITIVE_INFINITY;
                for (int j = first[i], end = first[i] + ks[i]; j < end; j++) {
                    double dist = Math.max(0, xNorm + norms[j] - 2.0 * dots[j]);
                    if (dist < nearest) {
                        second = nearest;
                        nearest = dist;
                    } else if (dist < second) {
                        second = dist;
                    }
                }
                ssd[i] += w * nearest;
                if (ks[i] > 1) {
                    double a = Math.sqrt(nearest);
                    double b = Math.sqrt(second);
                    double m = Math.max(a, b);
                    silhouette[i] += w * (m == 0 ? 0 : (b - a) / m);
                }
            }
            weight += w;
        }

        boolean isEmpty() {
            return weight == 0;
        }

        double msd(int i) {
            return weight == 0 ? Double.NaN : ssd[i] / weight;
        }

        double silhouette(int i) {
            return weight == 0 || ks[i] < 2 ? Double.NaN : silhouette[i] / weight;
        }
    }
}
