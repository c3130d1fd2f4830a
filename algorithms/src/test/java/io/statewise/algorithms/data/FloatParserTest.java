package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatParserTest {

    private final FloatParser parser = new FloatParser();

    private void assertParsesLikeJava(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        float expected = Float.parseFloat(s);
        int end = parser.parse(bytes, 0, bytes.length);
        if (Float.isInfinite(expected)) {
            assertEquals(FloatParser.OUT_OF_RANGE, end, s);
            return;
        }
        assertEquals(bytes.length, end, s);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(parser.value()), s);
    }

    private int parse(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        return parser.parse(bytes, 0, bytes.length);
    }

    @Test
    void agreesWithJavaOnRandomDecimals() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(3) == 0) s.append(random.nextBoolean() ? '-' : '+');
            int integerDigits = random.nextInt(random.nextBoolean() ? 3 : 14);
            int fractionDigits = random.nextInt(random.nextInt(4) == 0 ? 25 : 10);
            for (int j = 0; j < integerDigits; j++) s.append((char) ('0' + random.nextInt(10)));
            if (fractionDigits > 0 || random.nextBoolean()) s.append('.');
            for (int j = 0; j < fractionDigits; j++) s.append((char) ('0' + random.nextInt(10)));
            if (integerDigits == 0 && fractionDigits == 0) s.append('7');
            if (random.nextInt(3) == 0) s.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(101) - 50);
            assertParsesLikeJava(s.toString());
        }
    }

    @Test
    void agreesWithJavaOnShortestReprsOfRandomFloatsAndDoubles() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) continue;
            assertParsesLikeJava(Float.toString(f));
            assertParsesLikeJava(Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(60) - 30)));
        }
    }

    @Test
    void agreesWithJavaOnExactFloatMidpoints() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt() & 0x7fffffff);
            if (Float.isNaN(f) || Float.isInfinite(f) || f == Float.MAX_VALUE) continue;
            double midpoint = ((double) f + (double) Math.nextUp(f)) / 2;
            String exact = new java.math.BigDecimal(midpoint).toString();
            assertParsesLikeJava(exact);
            assertParsesLikeJava(exact + "1"); // just above the tie
        }
    }

    @Test
    void edgeCases() {
        String[] cases = {
            "0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.5", "+3.25e-3", "1", "-0.5", "1e0", "1E+2", "1e-0",
            "3.4028235e38", "3.4028236e38", "1.17549435e-38", "1.4e-45", "7e-46", "1e-50", "0.7e-45",
            "16777216", "16777217", "16777219", "9007199254740993", "123456789012345678", "1234567890123456789",
            "12345678901234567890123", "0.000000000000000000000000000001", "000000000000000000000000001.5",
            "1.00000000000000000000000000001", "99999999999999999999e-20", "0.1", "0.2", "0.3", "3.14159265358979",
            "1e10", "1e-10", "123.456e5", "1e22", "1e23", "1e-22", "1e-23", "1e44", "1e-44", "4.9e-324"
        };
        for (String s : cases) assertParsesLikeJava(s);
    }

    @Test
    void stopsAtTheFirstByteThatCannotContinueTheNumber() {
        assertEquals(3, parse("1.5,2"));
        assertEquals(1, parse("2x"));
        assertEquals(3, parse("1.2.3"));
        assertEquals(4, parse("-1e5 "));
    }

    @Test
    void reportsNonNumbersAndSpecialValues() {
        for (String s : new String[] {"", "-", "+", ".", "-.", "e5", "abc", "1e", "1e+", "1E-", ",1", "na", "in"}) {
            assertEquals(FloatParser.NOT_A_NUMBER, parse(s), s);
        }
        for (String s : new String[] {"nan", "NaN", "-NAN", "+nan", "nan,1"}) {
            assertEquals(FloatParser.NAN, parse(s), s);
        }
        for (String s : new String[] {"inf", "-Inf", "+INF", "Infinity", "-infinity", "inf;2"}) {
            assertEquals(FloatParser.INFINITY, parse(s), s);
        }
        assertEquals(FloatParser.NOT_A_NUMBER, parse("nano"));
        assertEquals(FloatParser.NOT_A_NUMBER, parse("info"));
        assertEquals(FloatParser.OUT_OF_RANGE, parse("1e39"));
        assertEquals(FloatParser.OUT_OF_RANGE, parse("-3.5e38"));
        assertEquals(FloatParser.OUT_OF_RANGE, parse("1e100000000000"));
    }

    @Test
    void parsesWithinALargerBuffer() {
        byte[] bytes = "xx-12.5e1yy".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(9, parser.parse(bytes, 2, bytes.length));
        assertEquals(-125f, parser.value());
        assertEquals(5, parser.parse(bytes, 2, 5)); // "-12" within [2, 5)
        assertEquals(-12f, parser.value());
    }

    @Test
    void stopsAtTheGivenEndEvenWhereDigitsFollowIt() {
        // Digits past `to` (the next record, or stale bytes of a reused buffer) must not count, whatever the lengths
        // of the runs: a parser that reads ahead (several bytes at a time) must still stop there.
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextBoolean()) s.append('-');
            int integerDigits = 1 + random.nextInt(12);
            for (int j = 0; j < integerDigits; j++) s.append((char) ('0' + random.nextInt(10)));
            if (random.nextBoolean()) {
                s.append('.');
                int fractionDigits = random.nextInt(12);
                for (int j = 0; j < fractionDigits; j++) s.append((char) ('0' + random.nextInt(10)));
            }
            String number = s.toString();
            String padded = "," + number + "9876543210123456789".substring(random.nextInt(19)) + ",1.5";
            byte[] bytes = padded.getBytes(StandardCharsets.ISO_8859_1);
            int to = 1 + number.length();
            assertEquals(to, parser.parse(bytes, 1, to), padded);
            assertEquals(Float.floatToRawIntBits(Float.parseFloat(number)), Float.floatToRawIntBits(parser.value()),
                    number);
        }
    }

    @Test
    void readsDigitRunsOfEveryLengthAgainstAnyFollowingByte() {
        // Every byte value right after a run of 1 to 16 digits, inside a buffer long enough to read ahead in.
        for (int run = 1; run <= 16; run++) {
            for (int next = 0; next < 256; next++) {
                if (next >= '0' && next <= '9' || next == '.' || next == 'e' || next == 'E') continue;
                byte[] bytes = new byte[run + 17];
                for (int j = 0; j < run; j++) bytes[j] = (byte) ('1' + j % 9);
                bytes[run] = (byte) next;
                for (int j = run + 1; j < bytes.length; j++) bytes[j] = '7';
                String digits = new String(bytes, 0, run, StandardCharsets.ISO_8859_1);
                assertEquals(run, parser.parse(bytes, 0, bytes.length), digits + " then " + next);
                assertEquals(Float.parseFloat(digits), parser.value(), digits + " then " + next);
            }
        }
    }
}
