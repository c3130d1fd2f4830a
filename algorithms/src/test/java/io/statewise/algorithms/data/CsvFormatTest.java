package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void defaultsAndWithers() {
        CsvFormat d = CsvFormat.defaults();
        assertEquals(new CsvFormat(false, 0, (byte) ','), d);
        assertTrue(d.labeled());
        assertEquals(new CsvFormat(true, CsvFormat.NO_LABEL, (byte) ';'),
                d.withHeader(true).withLabelColumn(CsvFormat.NO_LABEL).withDelimiter((byte) ';'));
        assertFalse(d.withLabelColumn(CsvFormat.NO_LABEL).labeled());
    }

    @Test
    void rejectsInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.defaults().withLabelColumn(-2));
        for (char c : new char[] {'1', '.', '-', '+', 'e', 'E', ' ', '\n', '\r', 0}) {
            assertThrows(IllegalArgumentException.class, () -> CsvFormat.defaults().withDelimiter((byte) c), "" + c);
        }
    }

    @Test
    void splitsRejectInvalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Split(-1, "a", 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Split(0, "", 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Split(0, "a", 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Split(0, "a.gz", 1, 5, true));
        assertEquals(4, new Split(0, "a", 1, 5, false).length());
    }
}
