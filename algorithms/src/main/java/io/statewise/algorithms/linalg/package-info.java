/** Small dense linear-algebra kernels over flat row-major primitive arrays, shared by the algorithms. */
package io.statewise.algorithms.linalg;
