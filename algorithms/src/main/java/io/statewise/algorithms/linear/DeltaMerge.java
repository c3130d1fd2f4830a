package io.statewise.algorithms.linear;

/**
 * Combining training partials and applying them to the global state: SGD model averaging with a parameter server
 * (Zinkevich et al., "Parallelized stochastic gradient descent", NIPS 2010; McMahan et al., "Communication-efficient
 * learning of deep networks from decentralized data", AISTATS 2017; Liberty et al., SIGMOD 2020).
 *
 * <ul>
 *   <li>{@link #merge}: parameter changes and optimizer moments are averaged, weighted by the partials' records:
 *       {@code (na a + nb b) / (na + nb)}; steps, records, losses, histograms and label counts add; diverged flags
 *       are or-ed. Written symmetrically, so it is bit-for-bit commutative and associative up to rounding.</li>
 *   <li>{@link #apply} (the parameter-server step): {@code global + merged change} for every model that did not
 *       diverge; the optimizer moments are replaced by the merged ones (re-estimates: each partial carries its
 *       moments after training from the base's, and their average is the moments' estimate after the round; with
 *       one partial they are its moments exactly); steps, records, losses and label counts add; histograms add, or
 *       replace a finished epoch's.</li>
 * </ul>
 * Parameter changes travel in double precision while parameters are floats, so {@code (float) (w0 + (w1 - w0))} is
 * {@code w1} exactly whenever a parameter's magnitude changes by less than a factor 2^29 in one round: a single worker
 * that synchronizes at any interval reproduces plain mini-batch training bit for bit.
 */
final class DeltaMerge {

    private DeltaMerge() {}

    /** The record-weighted average of two non-empty DELTA contributions. */
    static LinearState merge(LinearState a, LinearState b) {
        LinearState out = new LinearState(a.shape);
        out.kind = LinearState.Kind.DELTA;
        out.records = a.records + b.records;
        double na = a.records;
        double nb = b.records;
        double n = na + nb;
        int p = a.shape.parameters();
        double[] delta = new double[p];
        float[] m1 = new float[p];
        float[] m2 = new float[p];
        for (int i = 0; i < p; i++) {
            delta[i] = (na * a.deltaAt(i) + nb * b.deltaAt(i)) / n;
            m1[i] = (float) ((na * a.moment1[i] + nb * b.moment1[i]) / n);
            m2[i] = (float) ((na * a.moment2[i] + nb * b.moment2[i]) / n);
        }
        out.delta = delta;
        out.moment1 = m1;
        out.moment2 = m2;
        out.steps = a.steps + b.steps;
        out.running.add(a.running);
        out.running.add(b.running);
        for (int c = 0; c < out.labelCounts.length; c++) out.labelCounts[c] = a.labelCounts[c] + b.labelCounts[c];
        for (int m = 0; m < out.diverged.length; m++) {
            out.diverged[m] = a.diverged[m] || b.diverged[m];
            out.frozen[m] = a.frozen[m] || b.frozen[m];
        }
        return out;
    }

    /** The global state after applying a non-empty DELTA to a MODEL. */
    static LinearState apply(LinearState global, LinearState merged) {
        LinearState out = global.copy();
        out.records = global.records + merged.records;
        out.steps = global.steps + merged.steps;
        StateShape shape = global.shape;
        int width = shape.width();
        int outputs = shape.outputs();
        for (int m = 0; m < shape.models(); m++) {
            if (merged.diverged[m]) out.diverged[m] = true;
            boolean keep = out.diverged[m];
            for (int row = 0; row <= shape.dimension(); row++) {
                for (int c = 0; c < outputs; c++) {
                    int i = row * width + m * outputs + c;
                    if (keep) {
                        out.moment1[i] = 0;
                        out.moment2[i] = 0;
                        continue;
                    }
                    out.weights[i] = (float) ((double) global.weights[i] + merged.deltaAt(i));
                    out.moment1[i] = merged.moment1[i];
                    out.moment2[i] = merged.moment2[i];
                }
            }
        }
        markNonFinite(out, global);
        out.running.addLosses(merged.running);
        if (merged.running.hasHistogram()) {
            if (out.histogramsStale) out.running.clearHistograms();
            out.histogramsStale = false;
            for (int i = 0; i < out.running.histogram.length; i++) {
                out.running.histogram[i] += merged.running.histogram[i];
            }
        }
        for (int c = 0; c < out.labelCounts.length; c++) out.labelCounts[c] += merged.labelCounts[c];
        return out;
    }

    /** Flags models whose applied parameters overflowed, keeping their previous global parameters. */
    private static void markNonFinite(LinearState out, LinearState global) {
        StateShape shape = out.shape;
        int width = shape.width();
        int outputs = shape.outputs();
        for (int m = 0; m < shape.models(); m++) {
            if (out.diverged[m]) continue;
            boolean finite = true;
            for (int row = 0; row <= shape.dimension() && finite; row++) {
                for (int c = 0; c < outputs; c++) {
                    if (!Float.isFinite(out.weights[row * width + m * outputs + c])) finite = false;
                }
            }
            if (finite) continue;
            out.diverged[m] = true;
            for (int row = 0; row <= shape.dimension(); row++) {
                for (int c = 0; c < outputs; c++) {
                    int i = row * width + m * outputs + c;
                    out.weights[i] = global.weights[i];
                    out.moment1[i] = 0;
                    out.moment2[i] = 0;
                }
            }
        }
    }
}
