/**
 * Seeded synthetic data sets with a known structure, for tests and benchmarks: the right answer is known, and the same
 * seed always gives the same data.
 */
package io.statewise.algorithms.data.synthetic;
