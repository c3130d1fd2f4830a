package io.statewise.algorithms.nn;

/**
 * An update rule over the prefix {@code [0, count)} of a flat parameter vector, with its per-parameter moments kept by
 * the caller (so that a training state can store, average and restore them): {@link #slots()} arrays of
 * {@code count} floats. The rules follow MXNet's, which SageMaker's neural algorithms are built on.
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.Adam, Optimizer.RmsProp, Optimizer.AdaDelta {

    /** Moment arrays the rule needs. */
    int slots();

    /**
     * One update.
     *
     * @param params  modified: {@code [0, count)}
     * @param grad    raw gradient of the loss, {@code count} values. Not modified.
     * @param moments {@link #slots()} arrays of at least {@code count} values, zeros before the first step. Modified.
     * @param step    1-based number of this update (Adam's bias correction)
     * @param policy  rescaling, clipping and weight decay of the raw gradient
     */
    void step(float[] params, float[] grad, float[][] moments, int count, long step, GradientPolicy policy);

    /**
     * Stochastic gradient descent, with momentum when {@code momentum > 0}: {@code v = momentum v - lr g;
     * w += v}.
     */
    record Sgd(double learningRate, double momentum) implements Optimizer {
        @Override
        public int slots() {
            return momentum > 0 ? 1 : 0;
        }

        @Override
        public void step(float[] params, float[] grad, float[][] moments, int count, long step, GradientPolicy p) {
            if (momentum > 0) {
                float[] v = moments[0];
                for (int i = 0; i < count; i++) {
                    v[i] = (float) (momentum * v[i] - learningRate * p.apply(grad[i], params[i]));
                    params[i] += v[i];
                }
            } else {
                for (int i = 0; i < count; i++) params[i] -= (float) (learningRate * p.apply(grad[i], params[i]));
            }
        }
    }

    /**
     * Adam (Kingma and Ba, ICLR 2015): {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)}.
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {
        @Override
        public int slots() {
            return 2;
        }

        @Override
        public void step(float[] params, float[] grad, float[][] moments, int count, long step, GradientPolicy p) {
            float[] m = moments[0];
            float[] v = moments[1];
            double rate = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
            for (int i = 0; i < count; i++) {
                double g = p.apply(grad[i], params[i]);
                m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
                v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
                params[i] -= (float) (rate * m[i] / (Math.sqrt(v[i]) + epsilon));
            }
        }
    }

    /** RMSProp (Tieleman and Hinton, 2012; MXNet's uncentered form): {@code n = gamma n + (1 - gamma) g^2;
     * w -= lr g / sqrt(n + eps)}. */
    record RmsProp(double learningRate, double gamma, double epsilon) implements Optimizer {
        @Override
        public int slots() {
            return 1;
        }

        @Override
        public void step(float[] params, float[] grad, float[][] moments, int count, long step, GradientPolicy p) {
            float[] n = moments[0];
            for (int i = 0; i < count; i++) {
                double g = p.apply(grad[i], params[i]);
                n[i] = (float) (gamma * n[i] + (1 - gamma) * g * g);
                params[i] -= (float) (learningRate * g / Math.sqrt(n[i] + epsilon));
            }
        }
    }

    /**
     * AdaDelta (Zeiler, 2012), which has no learning rate: {@code a = rho a + (1 - rho) g^2;
     * d = sqrt(s + eps) / sqrt(a + eps) g; s = rho s + (1 - rho) d^2; w -= d}.
     */
    record AdaDelta(double rho, double epsilon) implements Optimizer {
        @Override
        public int slots() {
            return 2;
        }

        @Override
        public void step(float[] params, float[] grad, float[][] moments, int count, long step, GradientPolicy p) {
            float[] a = moments[0];
            float[] s = moments[1];
            for (int i = 0; i < count; i++) {
                double g = p.apply(grad[i], params[i]);
                a[i] = (float) (rho * a[i] + (1 - rho) * g * g);
                double d = Math.sqrt(s[i] + epsilon) / Math.sqrt(a[i] + epsilon) * g;
                s[i] = (float) (rho * s[i] + (1 - rho) * d * d);
                params[i] -= (float) d;
            }
        }
    }
}
