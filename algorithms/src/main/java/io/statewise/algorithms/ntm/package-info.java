/**
 * SageMaker's Neural Topic Model (NTM), a variational autoencoder over bags of words of the NVDM/ProdLDA family
 * (Srivastava and Sutton, "Autoencoding Variational Inference for Topic Models", ICLR 2017), on the building blocks of
 * {@code io.statewise.algorithms.nn}. {@link io.statewise.algorithms.ntm.Ntm} trains partials by mini-batch steps on
 * the negative ELBO and synchronizes them every few batches by document-weighted parameter averaging (local SGD with
 * the job as parameter server); the state holds parameters, optimizer moments, counters and early-stopping
 * bookkeeping. The {@link io.statewise.algorithms.ntm.NtmModel} infers topic proportions and reports each topic's top
 * words; the {@link io.statewise.algorithms.ntm.NtmEvaluator} reports perplexity, topic coherence (NPMI) and topic
 * diversity.
 */
package io.statewise.algorithms.ntm;
