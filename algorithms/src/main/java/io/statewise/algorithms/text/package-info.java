/**
 * Text: tokenizing raw UTF-8 bytes ({@link io.statewise.algorithms.text.Tokenizer}, configured by
 * {@link io.statewise.algorithms.text.TokenizerConfig}), the vocabulary pass as an elastic algorithm
 * ({@link io.statewise.algorithms.text.VocabularyPass}, registered as {@code vocabulary}: a mergeable Misra-Gries
 * summary of document frequencies finalized to a {@link io.statewise.algorithms.text.Vocabulary}), SageMaker's
 * {@code vocab.txt} ({@link io.statewise.algorithms.text.VocabFile}), and the conversion of tokenized documents to
 * bag-of-words counts ({@link io.statewise.algorithms.text.VocabularyIndex},
 * {@link io.statewise.algorithms.text.BagOfWords}) for bag-of-words models such as NTM. Terms are kept as bytes in
 * one arena per table ({@code TermTable}); nothing on the per-token path allocates. The text data formats themselves
 * live in {@link io.statewise.algorithms.data}.
 */
package io.statewise.algorithms.text;
