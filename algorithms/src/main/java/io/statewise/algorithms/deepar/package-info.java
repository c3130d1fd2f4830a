/**
 * SageMaker's DeepAR forecasting algorithm: one global autoregressive LSTM over many related time series with a
 * likelihood head (gaussian, student-T, negative-binomial, beta, deterministic-L1), lags and calendar features from
 * the series' frequency, mean scaling per series, training on random windows with window-weighted parameter
 * averaging across workers, forecasts by ancestral sampling, and an evaluator that scores forecasts against a
 * seasonal-naive baseline computed on the same series. Start at {@link io.statewise.algorithms.deepar.DeepAr}.
 */
package io.statewise.algorithms.deepar;
