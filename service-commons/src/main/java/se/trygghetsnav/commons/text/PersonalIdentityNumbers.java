package se.trygghetsnav.commons.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer) in free
 * text, so that text meant for plans, follow-ups and lägesbilder never stores one (architecture.md, data
 * protection). A candidate counts only when its date exists (a samordningsnummer adds 60 to the day) and
 * its Luhn check digit is right, so ordinary numbers such as diarienummer or phone numbers rarely trip it.
 *
 * <p>Formats: {@code YYMMDD-NNNN}, {@code YYMMDD+NNNN} (100 years or older), {@code YYYYMMDD-NNNN}, and the
 * same without separator or with a space ({@code YYMMDDNNNN}, {@code YYYYMMDDNNNN}, {@code YYMMDD NNNN}).
 */
public final class PersonalIdentityNumbers {

    /** Ten or twelve digits, optionally split before the last four by -, + or a space; not inside a longer number. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\d\\-+])((?:19|20)?\\d{6})[-+ ]?(\\d{4})(?![\\d])");

    private PersonalIdentityNumbers() {
    }

    /** What was found: its kind and where, but never the number itself, so it can go into logs and answers. */
    public record Finding(Kind kind, int start, int end) {
    }

    public enum Kind {
        PERSONNUMMER,
        SAMORDNINGSNUMMER
    }

    public static boolean containsAny(@Nullable String text) {
        return find(text).isPresent();
    }

    /** The first valid personnummer or samordningsnummer in the text. */
    public static Optional<Finding> find(@Nullable String text) {
        if (text == null || text.length() < 10) {
            return Optional.empty();
        }
        Matcher candidate = CANDIDATE.matcher(text);
        while (candidate.find()) {
            String date = candidate.group(1);
            String serial = candidate.group(2);
            String tenDigits = date.substring(date.length() - 6) + serial;
            Kind kind = kindOf(date);
            if (kind != null && luhnValid(tenDigits)) {
                return Optional.of(new Finding(kind, candidate.start(), candidate.end()));
            }
        }
        return Optional.empty();
    }

    /** The kind the date part makes the number, or null when it is no date. */
    private static @Nullable Kind kindOf(String date) {
        int yearDigits = date.length() - 4;
        int year = Integer.parseInt(date.substring(0, yearDigits));
        int month = Integer.parseInt(date.substring(yearDigits, yearDigits + 2));
        int day = Integer.parseInt(date.substring(yearDigits + 2));
        Kind kind = Kind.PERSONNUMMER;
        if (day > 60) {
            day -= 60;
            kind = Kind.SAMORDNINGSNUMMER;
        }
        // A two-digit year is checked against a leap year, so 29 February is accepted in any century.
        int fullYear = yearDigits == 4 ? year : 2000;
        try {
            LocalDate.of(fullYear, month, day);
            return kind;
        }
        catch (DateTimeException notADate) {
            return null;
        }
    }

    /** The Luhn (mod 10) check over YYMMDDNNNN, weights 2,1,2,1…, as the Swedish Tax Agency defines it. */
    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int digit = tenDigits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }
}
