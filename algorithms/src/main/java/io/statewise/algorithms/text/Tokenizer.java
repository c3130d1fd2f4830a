package io.statewise.algorithms.text;

import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns raw UTF-8 bytes into normalized tokens appended to a {@link TextBatch}, without decoding to {@code String}s:
 * <ul>
 *   <li><b>Tokens</b> are maximal runs of letters ({@link Character#isLetter(int)} on code points); combining marks
 *       (Unicode categories Mn, Mc, Me) continue a run a letter started, since they belong to the letter before them
 *       (accents of decomposed text, the vowel signs of Indic scripts). Everything else (digits, punctuation,
 *       symbols, spaces) separates tokens, so {@code "covid-19's"} gives {@code covid}.</li>
 *   <li><b>Lower-casing</b> is {@link Character#toLowerCase(int)}: one code point to one, the same in every locale
 *       (no Turkish dotless i surprises). It is not full case folding: {@code ß} stays {@code ß}.</li>
 *   <li><b>Composition</b>: a token holding a combining mark is brought to NFC, so that decomposed and precomposed
 *       spellings of one word are one term. This is the only path that allocates; tokens without marks never do.</li>
 *   <li><b>Filters</b>: tokens with fewer than {@code minLength} or more than {@code maxLength} letters (marks do not
 *       count) and stop words (compared after lower-casing) are dropped and counted.</li>
 *   <li><b>Malformed UTF-8</b> (invalid lead or continuation bytes, overlong forms, surrogates, truncated sequences)
 *       is replaced by a separator and counted, never an exception.</li>
 * </ul>
 * Scripts written without spaces (Chinese, Japanese, Thai) have no word boundaries this rule can see: a run of their
 * letters between punctuation is one token (as with scikit-learn's default token pattern). Segmenting them needs a
 * dictionary and is out of scope.
 *
 * <p>ASCII bytes take a branch-light path (one OR lower-cases a letter); only non-ASCII bytes are decoded. Mutable
 * (its counts), single-threaded: one tokenizer per reader.
 */
public final class Tokenizer {

    private final int minLength;
    private final int maxLength;
    private final TermTable stopWords;

    private long tokens;
    private long stopWordsDropped;
    private long shortTokens;
    private long longTokens;
    private long malformed;

    /**
     * A tokenizer with the given filters.
     *
     * @throws IllegalArgumentException if a stop word is not made of letters (and marks) only: it could never match
     */
    public Tokenizer(TokenizerConfig config) {
        this.minLength = config.minLength();
        this.maxLength = config.maxLength();
        this.stopWords = new TermTable(config.stopWords().size(), 8);
        for (String word : config.stopWords()) {
            byte[] normalized = normalizeWord(word);
            stopWords.intern(normalized, 0, normalized.length, TermHash.of(normalized, 0, normalized.length));
        }
    }

    /** A stop word as tokens are normalized: lower case, NFC; rejected unless it is one run of letters. */
    private static byte[] normalizeWord(String word) {
        String nfc = Normalizer.normalize(word, Normalizer.Form.NFC);
        StringBuilder lower = new StringBuilder(nfc.length());
        boolean letters = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            if (Character.isLetter(cp)) letters = true;
            else if (!letters || !isMark(cp)) {
                throw new IllegalArgumentException("stop word '" + word + "' can never match a token: tokens are runs "
                        + "of letters");
            }
            lower.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        if (!letters) throw new IllegalArgumentException("empty stop word");
        return lower.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Appends the tokens of {@code src[from .. to)} to the document {@code out} is building (see
     * {@link TextBatch#commitToken}); the caller commits or abandons the document.
     *
     * @param src UTF-8 bytes, possibly malformed. Not modified.
     * @return tokens appended
     */
    public int tokenize(byte[] src, int from, int to, TextBatch out) {
        int w = out.reserveBytes(2 * (to - from) + 8); // lower-casing grows a code point by at most half its bytes
        byte[] dst = out.bytes();
        int before = out.pendingTokens();
        int start = -1;
        int letters = 0;
        boolean marks = false;
        int i = from;
        while (i < to) {
            int c = src[i];
            if (c >= 0) {
                int lower = c | 0x20;
                if (lower >= 'a' && lower <= 'z') {
                    if (start < 0) {
                        start = w;
                        letters = 0;
                        marks = false;
                    }
                    dst[w++] = (byte) lower;
                    letters++;
                } else if (start >= 0) {
                    w = finish(out, start, w, letters, marks, to - i);
                    dst = out.bytes();
                    start = -1;
                }
                i++;
                continue;
            }
            int n = sequenceLength(src, i, to);
            if (n < 0) {
                malformed++;
                out.addMalformedSequences(1);
                i -= n;
                if (start >= 0) {
                    w = finish(out, start, w, letters, marks, to - i);
                    dst = out.bytes();
                    start = -1;
                }
                continue;
            }
            int cp = decode(src, i, n);
            i += n;
            if (Character.isLetter(cp)) {
                if (start < 0) {
                    start = w;
                    letters = 0;
                    marks = false;
                }
                w = encode(Character.toLowerCase(cp), dst, w);
                letters++;
            } else if (start >= 0 && isMark(cp)) {
                w = encode(cp, dst, w);
                marks = true;
            } else if (start >= 0) {
                w = finish(out, start, w, letters, marks, to - i);
                dst = out.bytes();
                start = -1;
            }
        }
        if (start >= 0) finish(out, start, w, letters, marks, 0);
        return out.pendingTokens() - before;
    }

    /**
     * Ends the token {@code bytes[start .. end)}: commits it, or drops it and counts why.
     *
     * @return where the next token's bytes go
     */
    private int finish(TextBatch out, int start, int end, int letters, boolean marks, int inputLeft) {
        if (letters < minLength) {
            shortTokens++;
            return start;
        }
        if (letters > maxLength) {
            longTokens++;
            return start;
        }
        if (marks) end = compose(out, start, end, inputLeft);
        byte[] dst = out.bytes();
        int length = end - start;
        if (stopWords.size() > 0 && stopWords.find(dst, start, length, TermHash.of(dst, start, length)) >= 0) {
            stopWordsDropped++;
            return start;
        }
        out.commitToken(end);
        tokens++;
        return end;
    }

    /** Rewrites the token in NFC if it is not; the slow path of tokens with combining marks. */
    private static int compose(TextBatch out, int start, int end, int inputLeft) {
        String token = new String(out.bytes(), start, end - start, StandardCharsets.UTF_8);
        if (Normalizer.isNormalized(token, Normalizer.Form.NFC)) return end;
        byte[] nfc = Normalizer.normalize(token, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        int at = out.reserveBytes(nfc.length + 2 * inputLeft + 8);
        System.arraycopy(nfc, 0, out.bytes(), at, nfc.length);
        return at + nfc.length;
    }

    /**
     * The length of the valid UTF-8 sequence at {@code i} (2 to 4), or minus the length of its maximal invalid
     * subpart (the bytes to skip as one malformed sequence).
     */
    static int sequenceLength(byte[] b, int i, int to) {
        int b0 = b[i] & 0xff;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            if (b0 == 0xE0) lo = 0xA0; // overlong
            if (b0 == 0xED) hi = 0x9F; // surrogates
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            if (b0 == 0xF0) lo = 0x90; // overlong
            if (b0 == 0xF4) hi = 0x8F; // beyond U+10FFFF
        } else {
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= to) return -k;
            int c = b[i + k] & 0xff;
            if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) return -k;
        }
        return need + 1;
    }

    private static int decode(byte[] b, int i, int n) {
        return switch (n) {
            case 2 -> ((b[i] & 0x1F) << 6) | (b[i + 1] & 0x3F);
            case 3 -> ((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
            default -> ((b[i] & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6)
                    | (b[i + 3] & 0x3F);
        };
    }

    private static int encode(int cp, byte[] dst, int w) {
        if (cp < 0x80) {
            dst[w++] = (byte) cp;
        } else if (cp < 0x800) {
            dst[w++] = (byte) (0xC0 | (cp >>> 6));
            dst[w++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            dst[w++] = (byte) (0xE0 | (cp >>> 12));
            dst[w++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            dst[w++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            dst[w++] = (byte) (0xF0 | (cp >>> 18));
            dst[w++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
            dst[w++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            dst[w++] = (byte) (0x80 | (cp & 0x3F));
        }
        return w;
    }

    /** What this tokenizer did so far. */
    public TokenCounts counts() {
        return new TokenCounts(tokens, stopWordsDropped, shortTokens, longTokens, malformed);
    }
}
