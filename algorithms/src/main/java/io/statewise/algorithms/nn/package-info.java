/**
 * Small neural-network building blocks over {@code float[]} (row-major, no boxing, caller-supplied outputs and
 * workspaces, nothing allocated per record): a flat parameter vector with named slices ({@link
 * io.statewise.algorithms.nn.ParameterLayout}), batch matrix products ({@link io.statewise.algorithms.nn.MatMul}),
 * dense layers, activations, softmax, batch normalization, optimizers over flat arrays and a seeded Gaussian sampler
 * whose whole state is one {@code long}; for sequence models an LSTM layer, embeddings, special functions and samplers
 * of forecast distributions; and the parameter averaging and epoch bookkeeping the neural states share. Backward
 * passes are derived by hand; every one is checked against finite differences by the tests. Used by the neural topic
 * model and DeepAR.
 */
package io.statewise.algorithms.nn;
