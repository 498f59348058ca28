package se.trygghetsnav.plandocument.xlsx;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Comparing the words of workbooks whose spelling varies: case, diacritics lost to OCR, punctuation. */
final class Texts {

    private Texts() {
    }

    /** Lower case without diacritics: "Åtgärd" and "Atgard" both become "atgard". */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A heading or label as it is compared: folded, without parenthetical remarks and punctuation, single spaced.
     * "Ansvarig för åtgärd (förvaltning):" becomes "ansvarig for atgard".
     */
    static String key(String text) {
        return folded(text).replaceAll("\\([^)]*\\)", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The text stripped, or null when it is blank. */
    static @Nullable String orNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** Levenshtein distance: how many letters must change to turn one text into the other. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Whether two compared keys are the same word with a little OCR damage: short words must match exactly,
     * longer ones may differ by one letter, long ones by two ("Atgérd" is "Åtgärd", "Vem" is not "Tem").
     */
    static boolean nearlyEqual(String key, String expected) {
        return editDistance(key, expected) <= tolerance(expected);
    }

    static int tolerance(String expected) {
        return expected.length() <= 4 ? 0 : expected.length() <= 9 ? 1 : 2;
    }
}
