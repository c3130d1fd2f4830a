package io.statewise.algorithms.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.TextBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static final TokenizerConfig PLAIN = TokenizerConfig.noStopWords().withMinLength(1);

    private static List<String> tokens(TokenizerConfig config, byte[] text) {
        return tokenize(new Tokenizer(config), text);
    }

    private static List<String> tokenize(Tokenizer tokenizer, byte[] text) {
        TextBatch batch = new TextBatch(1);
        tokenizer.tokenize(text, 0, text.length, batch);
        batch.commitDocument(0);
        return TextTesting.tokens(batch, 0);
    }

    private static List<String> tokens(TokenizerConfig config, String text) {
        return tokens(config, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void asciiIsLowerCasedAndSplitOnEverythingButLetters() {
        assertEquals(List.of("hello", "world", "covid", "s", "x", "y", "z"),
                tokens(PLAIN, "Hello, WORLD!\tcovid-19's x_y@z\r\n"));
        assertEquals(List.of(), tokens(PLAIN, "  12 345 -- 6.78 ~!@#$%^&*()[]{}`'\"<>?/\\|  "));
    }

    @Test
    void accentedLettersSharpSAndOtherScriptsAreLetters() {
        assertEquals(List.of("café", "naïve", "élève", "straße", "страсть", "ελλάδα"),
                tokens(PLAIN, "Café NAÏVE Élève STRAßE Страсть ΕΛΛΆΔΑ"));
        // ß lower-cases to itself; upper-case SS stays two letters: no full case folding
        assertEquals(List.of("strasse"), tokens(PLAIN, "STRASSE"));
    }

    @Test
    void cjkRunsAreOneTokenBetweenPunctuation() {
        assertEquals(List.of("東京都", "大阪"), tokens(PLAIN, "東京都、大阪。"));
        assertEquals(List.of("ひらがな", "カタカナ"), tokens(PLAIN, "ひらがな 123 カタカナ"));
        assertEquals(List.of("𠀋𠀋"), tokens(PLAIN, "𠀋𠀋!")); // supplementary-plane ideographs (4 bytes each)
    }

    @Test
    void combiningMarksStayInTheTokenAndDecomposedTextIsComposed() {
        String decomposed = "Cafe\u0301 e\u0301le\u0300ve";
        assertEquals(List.of("café", "élève"), tokens(PLAIN, decomposed));
        assertEquals(List.of("हिन्दी"), tokens(PLAIN, "हिन्दी।"));
        // a mark cannot start a token
        assertEquals(List.of("ab"), tokens(PLAIN, "\u0301ab"));
    }

    @Test
    void malformedUtf8IsASeparatorAndCounted() {
        byte[] text = {'a', 'b', (byte) 0xFF, 'c', 'd', (byte) 0xC3, ' ', 'e', 'f', (byte) 0xE2, (byte) 0x82, 'g',
            'h', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'i', (byte) 0xC0, (byte) 0xAF, 'j', (byte) 0xE6, (byte) 0x97};
        Tokenizer tokenizer = new Tokenizer(PLAIN);
        assertEquals(List.of("ab", "cd", "ef", "gh", "i", "j"), tokenize(tokenizer, text));
        // one per maximal invalid subpart (Unicode 3.9, as Python decodes): FF; C3 before a space; E2 82 before g;
        // ED, A0 and 80 (ED A0 would start a surrogate); C0 and AF (C0 is never valid); E6 97 cut off by the end
        assertEquals(9, tokenizer.counts().malformedSequences());
    }

    /** Malformed sequences as Java's UTF-8 decoder counts them: replacement characters in the decoded string. */
    private static int javaMalformedCount(byte[] text) {
        String decoded = new String(text, StandardCharsets.UTF_8);
        return (int) decoded.chars().filter(c -> c == '\uFFFD').count();
    }

    @Test
    void randomBytesNeverThrowAndCountLikeJava() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            byte[] text = new byte[random.nextInt(64)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) ('a' + random.nextInt(26));
            }
            Tokenizer tokenizer = new Tokenizer(PLAIN);
            List<String> got = tokenize(tokenizer, text);
            // Java's decoder replaces a surrogate's three bytes once, Unicode's practice (ours) once per byte
            long counted = tokenizer.counts().malformedSequences();
            int java = javaMalformedCount(text);
            assertEquals(java > 0, counted > 0, "round " + round);
            assertTrue(counted >= java, "round " + round);
            assertEquals(reference(new String(text, StandardCharsets.UTF_8)), got, "round " + round);
        }
    }

    /** The rule on decoded strings, the slow way: letter runs (marks continue them), lower-cased, NFC. */
    private static List<String> reference(String text) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (Character.isLetter(cp)) token.appendCodePoint(Character.toLowerCase(cp));
            else if (mark && token.length() > 0) token.appendCodePoint(cp);
            else if (token.length() > 0) {
                out.add(java.text.Normalizer.normalize(token, java.text.Normalizer.Form.NFC));
                token.setLength(0);
            }
        }
        if (token.length() > 0) out.add(java.text.Normalizer.normalize(token, java.text.Normalizer.Form.NFC));
        return out;
    }

    @Test
    void stopWordsAreDroppedAfterLowerCasingAndCounted() {
        Tokenizer tokenizer = new Tokenizer(TokenizerConfig.english());
        assertEquals(List.of("cat", "sat", "mat"), tokenize(tokenizer,
                "The cat sat ON the mat, didn't it?".getBytes(StandardCharsets.UTF_8)));
        TokenCounts counts = tokenizer.counts();
        assertEquals(3, counts.tokens());
        assertEquals(5, counts.stopWords()); // the, on, the, didn, it
        assertEquals(1, counts.shortTokens()); // t
        assertEquals(List.of("ünd"), tokens(PLAIN.withStopWords(List.of("Café", "und")), "café ÜND und"));
    }

    @Test
    void aStopWordThatCannotMatchATokenIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tokenizer(PLAIN.withStopWords(List.of("don't"))));
        assertEquals("stop word 'don't' can never match a token: tokens are runs of letters", e.getMessage());
    }

    @Test
    void lengthLimitsCountLettersNotBytes() {
        TokenizerConfig config = TokenizerConfig.noStopWords().withMinLength(3).withMaxLength(5);
        Tokenizer tokenizer = new Tokenizer(config);
        assertEquals(List.of("été", "ßßß", "abcde"), tokenize(tokenizer,
                "a ab été ßßß abcde abcdef".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new TokenCounts(3, 0, 2, 1, 0), tokenizer.counts());
        assertEquals(2, TokenizerConfig.english().minLength());
    }

    @Test
    void tokensOfSeveralCallsJoinOneDocument() {
        Tokenizer tokenizer = new Tokenizer(PLAIN);
        TextBatch batch = new TextBatch(2);
        byte[] a = "one two".getBytes(StandardCharsets.UTF_8);
        byte[] b = "three".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, tokenizer.tokenize(a, 0, a.length, batch));
        assertEquals(1, tokenizer.tokenize(b, 0, b.length, batch));
        batch.commitDocument(1);
        assertEquals(1, tokenizer.tokenize(b, 0, b.length, batch));
        batch.commitDocument(2);
        assertEquals(List.of(List.of("one", "two", "three"), List.of("three")), TextTesting.documents(batch));
        assertEquals(4, batch.tokens());
    }
}
