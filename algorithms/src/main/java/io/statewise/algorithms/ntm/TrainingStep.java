package io.statewise.algorithms.ntm;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.nn.GaussianSampler;
import io.statewise.algorithms.nn.GradientPolicy;
import io.statewise.algorithms.nn.Optimizer;

/**
 * One mini-batch of a partial: every record is counted; documents without a word are skipped and counted; with
 * {@code sub_sample < 1} each other document is kept with that probability (drawn from the partial's generator, so a
 * seed fixes the sample); the kept ones drive one optimizer step on the mean negative ELBO. A batch whose loss or
 * gradient is not finite takes no step (and leaves the batch-norm statistics alone) and is counted.
 */
final class TrainingStep {

    private final NtmNetwork network;
    private final NtmObjective objective;
    private final Optimizer optimizer;
    private final GradientPolicy policy;
    private final double subSample;

    TrainingStep(NtmNetwork network, NtmConfig config) {
        this.network = network;
        this.objective = new NtmObjective(network);
        this.optimizer = config.updateRule();
        this.policy = config.gradientPolicy();
        this.subSample = config.subSample();
    }

    /**
     * Trains {@code partial} on {@code batch}.
     *
     * @throws IllegalArgumentException on a negative or non-finite count (before anything changes)
     */
    void apply(NtmState partial, Batch batch) {
        int n = batch.size();
        for (int i = 0; i < n; i++) DocumentBag.words(batch, i);
        NtmWorkspace ws = partial.workspace(network.layout.size());
        GaussianSampler random = new GaussianSampler(partial.random);
        ws.bag.clear();
        double words = 0;
        for (int i = 0; i < n; i++) {
            double total = DocumentBag.words(batch, i);
            if (total == 0) {
                partial.emptyDocuments++;
            } else if (subSample < 1 && random.nextDouble() >= subSample) {
                partial.sampledOut++;
            } else {
                ws.bag.add(batch, i, total);
                words += total;
            }
        }
        partial.records += n;
        int docs = ws.bag.size();
        if (docs > 0) {
            ws.ensure(docs);
            random.fill(ws.noise, docs * network.shape.topics());
            double loss = objective.lossAndGradient(partial.params, ws);
            if (Double.isFinite(loss) && GradientPolicy.allFinite(ws.gradient, network.layout.trainableSize())) {
                network.decoder.updateRunning(partial.params, ws);
                optimizer.step(partial.params, ws.gradient, partial.moments, network.layout.trainableSize(),
                        partial.totalSteps() + 1, policy);
                partial.steps++;
                partial.documents += docs;
                partial.words += words;
                partial.epochLoss += loss;
                partial.epochDocuments += docs;
            } else {
                partial.skippedBatches++;
            }
        }
        partial.random = random.state();
    }
}
