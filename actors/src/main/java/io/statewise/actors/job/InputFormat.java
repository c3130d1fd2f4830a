package io.statewise.actors.job;

import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.LibSvmFormat;

/**
 * How a planned input's files are parsed, as a plain record that the job's events and the workers' messages can carry
 * (Jackson CBOR). The algorithm module's {@link DataFormat} is a sealed interface without serialization annotations
 * (that module depends on no serialization library), so the runtime keeps this flat form and converts with
 * {@link #toDataFormat()} where data is read.
 *
 * <p>Backward compatible with events written when a planned input held a {@code CsvFormat} ({@code header},
 * {@code labelColumn}, {@code delimiter}): {@code kind} is then absent and reads as CSV, and the always-comma
 * delimiter is ignored.
 *
 * @param kind        {@value DataInput#CSV} or {@value DataInput#LIBSVM}; absent means CSV
 * @param header      CSV: whether each file starts with a header line
 * @param labelColumn CSV: 0-based label column, or -1 for unlabeled data
 * @param zeroBased   LibSVM: whether indices start at 0
 */
public record InputFormat(String kind, boolean header, int labelColumn, boolean zeroBased) {

    public InputFormat {
        kind = kind == null ? DataInput.CSV : kind;
        if (!kind.equals(DataInput.CSV) && !kind.equals(DataInput.LIBSVM)) {
            throw new IllegalArgumentException("unknown input format '" + kind + "'");
        }
    }

    /** The format of a data input (validated by the planner). */
    public static InputFormat of(DataInput input) {
        return new InputFormat(input.format(), input.header(), input.labelColumn(), input.zeroBased());
    }

    /** Whether records are sparse (LibSVM). */
    public boolean sparse() {
        return kind.equals(DataInput.LIBSVM);
    }

    /** The algorithm module's format: what trainers and readers use. */
    public DataFormat toDataFormat() {
        if (sparse()) return new LibSvmFormat(zeroBased);
        return CsvFormat.defaults().withHeader(header).withLabelColumn(labelColumn);
    }
}
