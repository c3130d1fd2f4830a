package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;

/**
 * Text documents, tokenized while they are read into {@link TextBatch}es: one document per line
 * ({@link TextLinesFormat}), one per file of a directory ({@link TextFilesFormat}), or one per record from a column of
 * a CSV file ({@link TextCsvFormat}). Every format carries its {@link TokenizerConfig}, so all splits of a data set
 * are tokenized alike.
 *
 * <p>Documents left without a token (blank, or only digits, punctuation and stop words) are skipped and counted by the
 * reader ({@link TextSplitReader#emptyDocuments()}); malformed UTF-8 is replaced and counted, never an error. A
 * {@code .gz} file is read through gzip (as one split, or as one document file).
 */
public sealed interface TextFormat extends DataFormat permits TextLinesFormat, TextFilesFormat, TextCsvFormat {

    /** How documents become tokens. */
    TokenizerConfig tokenizer();

    /** False: documents carry no label. */
    @Override
    default boolean labeled() {
        return false;
    }

    /** False: documents are neither dense nor sparse records; they are read into {@link TextBatch}es. */
    @Override
    default boolean sparse() {
        return false;
    }

    /** {@link DataSchema#TEXT}: documents have no feature dimension, so {@code features} is not used. */
    @Override
    default DataSchema schema(int features) {
        return DataSchema.TEXT;
    }

    /** A {@link TextSplitReader}; the schema is not used (documents have no feature dimension). */
    @Override
    TextSplitReader open(Split split, DataSchema schema, long maxBadRecords);

    /** A {@link TextBatch} of {@code capacity} documents; the schema is not used. */
    @Override
    default TextBatch newBatch(int capacity, DataSchema schema) {
        return new TextBatch(capacity);
    }
}
