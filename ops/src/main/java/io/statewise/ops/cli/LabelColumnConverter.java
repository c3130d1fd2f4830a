package io.statewise.ops.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --label-column} arguments: a 0-based column number, or {@code none} (unlabeled data) as -1. */
final class LabelColumnConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("none")) return -1;
        try {
            int column = Integer.parseInt(text);
            if (column >= 0) return column;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("expected a column number (0-based) or 'none', got '" + value + "'");
    }
}
