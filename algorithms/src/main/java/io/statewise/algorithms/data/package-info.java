/**
 * Input data: resolving a location into files ({@link io.statewise.algorithms.data.InputFiles}), planning
 * record-aligned byte-range {@link io.statewise.algorithms.data.Split}s
 * ({@link io.statewise.algorithms.data.SplitPlanner}) and reading them into reusable
 * {@link io.statewise.algorithms.data.DenseBatch}es without per-record allocation
 * ({@link io.statewise.algorithms.data.CsvSplitReader}). Malformed input fails with a
 * {@link io.statewise.algorithms.data.DataException} that names the file, and for a bad record the line and column.
 */
package io.statewise.algorithms.data;
