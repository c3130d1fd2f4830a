/** Versioned compact binary codecs for states and models: a typed header, then little-endian primitive arrays. */
package io.statewise.algorithms.codec;
