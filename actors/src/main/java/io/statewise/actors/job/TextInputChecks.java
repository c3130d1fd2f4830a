package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.text.Tokenizer;
import io.statewise.algorithms.text.TokenizerConfig;

/**
 * Rejects options that do not apply to a text input, or that its tokenizer would refuse, naming the field: a text job
 * fails at submission with a message rather than on a worker. Numeric options (features, zero_based, a label column)
 * do not apply to documents; {@code header} and {@code text.column} apply to {@value DataInput#TEXT_CSV} only, which
 * needs a column.
 */
final class TextInputChecks {

    private TextInputChecks() {}

    /**
     * @param field the input's name in the spec ({@code train}, ...)
     * @throws JobRejectedException naming the offending field
     */
    static void check(String field, DataInput input) {
        String format = input.format();
        if (input.features().isPresent()) {
            throw new JobRejectedException(field + ".features", "features applies to csv and libsvm input, not "
                    + format + ": documents have no feature dimension");
        }
        if (input.zeroBased()) {
            throw new JobRejectedException(field + ".zero_based", "zero_based applies to libsvm input only");
        }
        if (input.labelColumn() > 0) {
            throw new JobRejectedException(field + ".label_column", "documents have no label: label_column does not "
                    + "apply to " + format + " input, got " + input.labelColumn());
        }
        TextOptions options = input.text().orElseGet(TextOptions::defaults);
        if (format.equals(DataInput.TEXT_CSV)) {
            checkColumn(field, input, options);
        } else {
            if (input.header()) {
                throw new JobRejectedException(field + ".header", "header applies to csv and text_csv input, not "
                        + format);
            }
            if (options.hasColumn()) {
                throw new JobRejectedException(field + ".text.column", "text.column applies to text_csv input only, "
                        + "not " + format);
            }
        }
        checkTokenizer(field, options);
    }

    private static void checkColumn(String field, DataInput input, TextOptions options) {
        if (!options.hasColumn()) {
            throw new JobRejectedException(field + ".text.column", "text_csv input needs text.column: the name of "
                    + "the text column in the header, or its 0-based index");
        }
        if (options.columnName().isPresent() && options.columnIndex().isPresent()) {
            throw new JobRejectedException(field + ".text.column", "give the text column's name or its index, "
                    + "not both");
        }
        if (options.columnName().isPresent()) {
            if (options.columnName().get().isBlank()) {
                throw new JobRejectedException(field + ".text.column", "text.column is blank");
            }
            if (!input.header()) {
                throw new JobRejectedException(field + ".header", "text.column names a column ('"
                        + options.columnName().get() + "'), which needs a header line: set header to true, or "
                        + "give the column's 0-based index");
            }
        }
        if (options.columnIndex().isPresent() && options.columnIndex().get() < 0) {
            throw new JobRejectedException(field + ".text.column", "text.column must be >= 0, got "
                    + options.columnIndex().get());
        }
    }

    private static void checkTokenizer(String field, TextOptions options) {
        int min = options.minTokenLength().orElse(TokenizerConfig.DEFAULT_MIN_LENGTH);
        if (min < 1) {
            throw new JobRejectedException(field + ".text.min_token_length", "text.min_token_length must be >= 1, "
                    + "got " + min);
        }
        if (options.maxTokenLength().isPresent() && options.maxTokenLength().get() < min) {
            throw new JobRejectedException(field + ".text.max_token_length", "text.max_token_length must be >= "
                    + "min_token_length " + min + ", got " + options.maxTokenLength().get());
        }
        try {
            new Tokenizer(options.tokenizer());
        } catch (IllegalArgumentException e) {
            throw new JobRejectedException(field + ".text.stop_words", e.getMessage(), e);
        }
    }
}
