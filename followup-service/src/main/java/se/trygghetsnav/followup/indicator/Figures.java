package se.trygghetsnav.followup.indicator;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the figure in a goal's SMART texts as plans write them: "78 % (2022)" is 78, "minst 85 procent" is 85,
 * "1,5 mnkr" is 1.5. The first number counts; a year in parentheses after it does not. Texts without a number
 * have no figure, and a goal whose baseline or target has none is shown without a comparison.
 */
final class Figures {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])-?\\d+(?:[.,]\\d+)?");

    private Figures() {
    }

    static @Nullable BigDecimal firstIn(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher number = NUMBER.matcher(text.replace('\u00a0', ' ').replace('\u2212', '-'));
        return number.find() ? new BigDecimal(number.group().replace(',', '.')) : null;
    }
}
