package io.statewise.algorithms.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes into correctly rounded floats (the same value as
 * {@link Float#parseFloat}) without allocating, because a data pass parses every field of every record.
 *
 * <p>The digits are accumulated into a long mantissa (up to 18 significant digits, far more than a float needs) and a
 * decimal exponent. Small cases are exact in float arithmetic (Clinger's fast path: a mantissa below 2^24 times or
 * divided by an exact power of ten up to 10^10). Otherwise the value is approximated in double arithmetic with exact
 * powers of ten (10^0..10^22 are exact doubles), which is off by a few double ulps at most; rounding that approximation
 * to float gives the correctly rounded float unless it lies within a safety margin of a float rounding midpoint. Only
 * those rare near-ties, float subnormals, and exponents beyond +-44 go through {@link Float#parseFloat} on a new
 * String. Numbers of at most 18 digits without exponent take a short path that the JIT inlines into the reader.
 *
 * <p>Grammar: {@code [+-]? (digit+ (. digit*)? | . digit+) ([eE] [+-]? digit+)?}, e.g. {@code 1}, {@code -0.5},
 * {@code +3.25e-3}, {@code .5}, {@code 5.}. The spellings {@code nan}, {@code inf} and {@code infinity} (any case,
 * signed or not) are recognized only to be reported as errors. One instance per reader; not thread-safe.
 */
final class FloatParser {

    /** {@link #parse} result: the bytes do not start with a number. */
    static final int NOT_A_NUMBER = -1;
    /** {@link #parse} result: a NaN spelling. */
    static final int NAN = -2;
    /** {@link #parse} result: an infinity spelling. */
    static final int INFINITY = -3;
    /** {@link #parse} result: a finite number too large for a float. */
    static final int OUT_OF_RANGE = -4;

    /** Significant digits kept: 10^18 - 1 fits a long; dropped digits change the value by less than 1e-17. */
    private static final int MAX_DIGITS = 18;
    private static final int MAX_FAST_EXPONENT = 44;
    /** Distance, in double ulps, from a float rounding midpoint below which the approximation is not trusted. */
    private static final int MIDPOINT_MARGIN = 16;
    private static final long FLOAT_HALF_ULP_BITS = 1L << 28; // low 29 bits of a double at a float midpoint
    private static final long LOW_29_BITS = (1L << 29) - 1;

    private static final float[] FLOAT_POW10 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final double[] DOUBLE_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private float value;

    /** The value of the last successful {@link #parse}. */
    float value() {
        return value;
    }

    /**
     * Parses the number starting at {@code from}; on success {@link #value()} holds it.
     *
     * @param bytes the input. Not modified.
     * @param from  offset of the first byte of the number
     * @param to    offset just past the last byte that may belong to it
     * @return the offset just past the number (the caller checks what follows), or a negative result code:
     *         {@link #NOT_A_NUMBER}, {@link #NAN}, {@link #INFINITY} or {@link #OUT_OF_RANGE}
     */
    int parse(byte[] bytes, int from, int to) {
        // Fast path, small enough to be inlined into the reader's field loop: at most 18 digits and no exponent.
        int p = from;
        boolean negative = false;
        if (p < to) {
            byte c = bytes[p];
            if (c == '-') {
                negative = true;
                p++;
            } else if (c == '+') {
                p++;
            }
        }
        int start = p;
        long mantissa = 0;
        while (p < to) {
            int d = bytes[p] - '0';
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d; // may overflow past 18 digits; such numbers take the general path
            p++;
        }
        int digits = p - start;
        int fractionDigits = 0;
        if (p < to && bytes[p] == '.') {
            int fractionStart = ++p;
            while (p < to) {
                int d = bytes[p] - '0';
                if (d < 0 || d > 9) break;
                mantissa = mantissa * 10 + d;
                p++;
            }
            fractionDigits = p - fractionStart;
            digits += fractionDigits;
        }
        if (digits == 0 || digits > MAX_DIGITS || (p < to && (bytes[p] | 0x20) == 'e')) {
            return parseGeneral(bytes, from, to);
        }
        float f;
        if (mantissa < (1L << 24) && fractionDigits <= 10) {
            f = (float) mantissa / FLOAT_POW10[fractionDigits]; // both exact: one correctly rounded division
        } else if (mantissa == 0) {
            f = 0.0f;
        } else {
            f = approximate(mantissa, -fractionDigits, bytes, from, p);
        }
        value = negative ? -f : f;
        return p;
    }

    /** Any number: many digits, exponents, special spellings. Same contract as {@link #parse}. */
    private int parseGeneral(byte[] bytes, int from, int to) {
        int p = from;
        boolean negative = false;
        if (p < to) {
            byte c = bytes[p];
            if (c == '-') {
                negative = true;
                p++;
            } else if (c == '+') {
                p++;
            }
        }
        int digitsStart = p;
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        while (p < to) {
            int d = bytes[p] - '0';
            if (d < 0 || d > 9) break;
            if (significant < MAX_DIGITS) {
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                }
            } else {
                exponent++; // a dropped integer digit still scales the value
            }
            p++;
            digits++;
        }
        if (p < to && bytes[p] == '.') {
            p++;
            while (p < to) {
                int d = bytes[p] - '0';
                if (d < 0 || d > 9) break;
                if (significant < MAX_DIGITS) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        significant++;
                    }
                    exponent--;
                }
                p++;
                digits++;
            }
        }
        if (digits == 0) return special(bytes, digitsStart, to);
        if (p < to && (bytes[p] | 0x20) == 'e') {
            int q = p + 1;
            boolean negativeExponent = false;
            if (q < to && (bytes[q] == '-' || bytes[q] == '+')) {
                negativeExponent = bytes[q] == '-';
                q++;
            }
            int e = 0;
            int exponentDigits = 0;
            while (q < to) {
                int d = bytes[q] - '0';
                if (d < 0 || d > 9) break;
                if (e < 100_000) e = e * 10 + d;
                q++;
                exponentDigits++;
            }
            if (exponentDigits == 0) return NOT_A_NUMBER;
            exponent += negativeExponent ? -e : e;
            p = q;
        }
        if (mantissa == 0) {
            value = negative ? -0.0f : 0.0f;
            return p;
        }
        float f;
        if (mantissa < (1L << 24) && exponent >= -10 && exponent <= 10) {
            f = exponent >= 0 ? (float) mantissa * FLOAT_POW10[exponent] : (float) mantissa / FLOAT_POW10[-exponent];
        } else {
            f = approximate(mantissa, exponent, bytes, from, p);
        }
        if (Float.isInfinite(f)) return OUT_OF_RANGE;
        value = negative ? -f : f;
        return p;
    }

    /**
     * The float nearest {@code mantissa * 10^exponent} (mantissa > 0), via double when safe and
     * {@link Float#parseFloat} otherwise.
     */
    private static float approximate(long mantissa, int exponent, byte[] bytes, int from, int to) {
        if (exponent >= -MAX_FAST_EXPONENT && exponent <= MAX_FAST_EXPONENT) {
            double d = mantissa;
            if (exponent >= 0) {
                if (exponent > 22) {
                    d *= DOUBLE_POW10[22];
                    exponent -= 22;
                }
                d *= DOUBLE_POW10[exponent];
            } else {
                if (exponent < -22) {
                    d /= DOUBLE_POW10[22];
                    exponent += 22;
                }
                d /= DOUBLE_POW10[-exponent];
            }
            long low = Double.doubleToRawLongBits(d) & LOW_29_BITS;
            if (d >= Float.MIN_NORMAL && Math.abs(low - FLOAT_HALF_ULP_BITS) > MIDPOINT_MARGIN) return (float) d;
        }
        float slow = Float.parseFloat(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        return Math.abs(slow);
    }

    /** Whether {@code bytes[from, to)} is exactly {@code nan}, in any case: the usual spelling of a missing value. */
    static boolean isNan(byte[] bytes, int from, int to) {
        return to - from == 3 && (bytes[from] | 0x20) == 'n' && (bytes[from + 1] | 0x20) == 'a'
                && (bytes[from + 2] | 0x20) == 'n';
    }

    /** Classifies a token without digits: a NaN or infinity spelling, or not a number. */
    private static int special(byte[] bytes, int p, int to) {
        if (matches(bytes, p, to, "nan")) return NAN;
        if (matches(bytes, p, to, "infinity") || matches(bytes, p, to, "inf")) return INFINITY;
        return NOT_A_NUMBER;
    }

    /** Whether {@code word} (lower case) starts at {@code p}, in any case, and is not followed by a letter or digit. */
    private static boolean matches(byte[] bytes, int p, int to, String word) {
        int n = word.length();
        if (to - p < n) return false;
        for (int i = 0; i < n; i++) {
            if ((bytes[p + i] | 0x20) != word.charAt(i)) return false;
        }
        if (p + n == to) return true;
        int next = bytes[p + n] | 0x20;
        return !(next >= 'a' && next <= 'z') && !(bytes[p + n] >= '0' && bytes[p + n] <= '9');
    }
}
