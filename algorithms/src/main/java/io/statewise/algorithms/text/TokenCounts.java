package io.statewise.algorithms.text;

/**
 * What a {@link Tokenizer} did so far: tokens kept, tokens dropped (and why), and malformed UTF-8 replaced.
 *
 * @param tokens             tokens kept
 * @param stopWords          tokens dropped as stop words
 * @param shortTokens        tokens dropped for having fewer letters than the minimum
 * @param longTokens         tokens dropped for having more letters than the maximum
 * @param malformedSequences malformed UTF-8 sequences, treated as separators: one per maximal invalid subpart, as
 *                           the Unicode Standard recommends (section 3.9) and Python and the WHATWG Encoding Standard
 *                           count (Java's decoder counts an encoded surrogate as one, not three)
 */
public record TokenCounts(long tokens, long stopWords, long shortTokens, long longTokens, long malformedSequences) {

    /** Nothing counted. */
    public static final TokenCounts NONE = new TokenCounts(0, 0, 0, 0, 0);

    /** The sum of both counts, e.g. over the splits of a data set. */
    public TokenCounts plus(TokenCounts o) {
        return new TokenCounts(tokens + o.tokens, stopWords + o.stopWords, shortTokens + o.shortTokens,
                longTokens + o.longTokens, malformedSequences + o.malformedSequences);
    }
}
