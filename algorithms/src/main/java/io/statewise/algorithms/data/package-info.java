/**
 * Input data: resolving a location into files ({@link io.statewise.algorithms.data.InputFiles}), planning
 * record-aligned byte-range {@link io.statewise.algorithms.data.Split}s
 * ({@link io.statewise.algorithms.data.SplitPlanner}) and reading them into reusable batches without per-record
 * allocation: dense CSV into {@link io.statewise.algorithms.data.DenseBatch}es
 * ({@link io.statewise.algorithms.data.CsvSplitReader}), sparse LibSVM into
 * {@link io.statewise.algorithms.data.SparseBatch}es ({@link io.statewise.algorithms.data.LibSvmSplitReader}), both
 * behind {@link io.statewise.algorithms.data.DataFormat} and {@link io.statewise.algorithms.data.SplitReader};
 * text documents (lines, files of a directory, a CSV column) tokenized into
 * {@link io.statewise.algorithms.data.TextBatch}es by the {@link io.statewise.algorithms.data.TextFormat}s, which use
 * the tokenizer of {@link io.statewise.algorithms.text}.
 * Malformed input fails with a {@link io.statewise.algorithms.data.DataException} that names the file, and for a bad
 * record the line and column.
 */
package io.statewise.algorithms.data;
