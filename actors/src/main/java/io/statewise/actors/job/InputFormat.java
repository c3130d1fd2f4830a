package io.statewise.actors.job;

import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.JsonLinesFormat;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.SeriesCsvFormat;
import io.statewise.algorithms.data.TextCsvFormat;
import io.statewise.algorithms.data.TextFilesFormat;
import io.statewise.algorithms.data.TextLinesFormat;
import io.statewise.algorithms.text.TokenizerConfig;
import java.util.Optional;

/**
 * How a planned input's files are parsed, as a plain record that the job's events and the workers' messages can carry
 * (Jackson CBOR). The algorithm module's {@link DataFormat} is a sealed interface without serialization annotations
 * (that module depends on no serialization library), so the runtime keeps this flat form and converts with
 * {@link #toDataFormat()} where data is read.
 *
 * <p>Backward compatible with events written when a planned input held a {@code CsvFormat} ({@code header},
 * {@code labelColumn}, {@code delimiter}): {@code kind} is then absent and reads as CSV, and the always-comma
 * delimiter is ignored; {@code text} is absent in events written before text input.
 *
 * @param kind        one of {@link DataInput#FORMATS}; absent means CSV
 * @param header      CSV and text CSV: whether each file starts with a header line
 * @param labelColumn CSV: 0-based label column, or -1 for unlabeled data
 * @param zeroBased   LibSVM: whether indices start at 0
 * @param text        text formats: the column and tokenizer options (absent: the defaults)
 */
public record InputFormat(String kind, boolean header, int labelColumn, boolean zeroBased,
                          Optional<TextOptions> text) {

    public InputFormat {
        kind = kind == null ? DataInput.CSV : kind;
        if (!DataInput.FORMATS.contains(kind)) {
            throw new IllegalArgumentException("unknown input format '" + kind + "'");
        }
        text = text == null ? Optional.empty() : text;
    }

    /** A CSV or LibSVM format. */
    public InputFormat(String kind, boolean header, int labelColumn, boolean zeroBased) {
        this(kind, header, labelColumn, zeroBased, Optional.empty());
    }

    /** The format of a data input (validated by the planner). */
    public static InputFormat of(DataInput input) {
        return new InputFormat(input.format(), input.header(), input.labelColumn(), input.zeroBased(), input.text());
    }

    /** Whether records are sparse (LibSVM). */
    public boolean sparse() {
        return kind.equals(DataInput.LIBSVM);
    }

    /**
     * The algorithm module's format: what trainers and readers use.
     *
     * @throws IllegalArgumentException if text options are invalid for the format (the planner rejects those first)
     */
    public DataFormat toDataFormat() {
        TextOptions options = text.orElseGet(TextOptions::defaults);
        return switch (kind) {
            case DataInput.LIBSVM -> new LibSvmFormat(zeroBased);
            case DataInput.TEXT -> new TextLinesFormat(options.tokenizer());
            case DataInput.TEXT_FILES -> new TextFilesFormat(options.tokenizer());
            case DataInput.TEXT_CSV -> textCsv(options.tokenizer(), options);
            case DataInput.JSONLINES -> new JsonLinesFormat();
            case DataInput.SERIES_CSV -> new SeriesCsvFormat();
            default -> CsvFormat.defaults().withHeader(header).withLabelColumn(labelColumn);
        };
    }

    private TextCsvFormat textCsv(TokenizerConfig tokenizer, TextOptions options) {
        TextCsvFormat column = options.columnName().isPresent()
                ? TextCsvFormat.column(options.columnName().get())
                : TextCsvFormat.column(options.columnIndex().orElse(-1), header);
        return column.withTokenizer(tokenizer);
    }
}
