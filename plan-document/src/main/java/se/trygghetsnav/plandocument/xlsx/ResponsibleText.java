package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.PlanDocument.Responsible;

/**
 * The responsible units of a measure as a cell says them: "KSK, BoU, KoF", "KSK; BoU", one a line, "Polisen och
 * socialtjänsten", with a role in parentheses ("KSK (samordnar)") or after a colon ("KSK: samordnar"). The export
 * writes "KSK, BoU (samordnar)".
 */
final class ResponsibleText {

    /** Words that join two units; "Trygghets- och säkerhetssamordnaren" is one unit, hence the letter before. */
    private static final Pattern JOINING_WORDS = Pattern.compile("(?<=[\\p{L}.)])\\s+(?:och|samt|tillsammans med|&)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONJUNCTIONS = Pattern.compile("\\b(?:och|samt)\\b");

    private ResponsibleText() {
    }

    static String format(List<Responsible> responsible) {
        return responsible.stream().map(r -> r.role() == null ? r.unit() : r.unit() + " (" + r.role() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * The units a cell names, in its order.
     *
     * @param knownUnits the names and abbreviations of the plan's units: a known name is one unit even when it has
     *        a comma or "och" in it ("Avd stöd, service och omsorg")
     */
    static Parsed parse(@Nullable String cell, Collection<String> knownUnits) {
        if (cell == null || cell.isBlank()) {
            return new Parsed(List.of(), true);
        }
        Map<String, String> known = knownUnits.stream()
                .collect(Collectors.toMap(ResponsibleText::lookupKey, Function.identity(), (first, again) -> first));
        List<Responsible> units = new ArrayList<>();
        boolean anyRole = false;
        for (String piece : joinKnown(topLevelPieces(cell), known)) {
            UnitAndRole named = UnitAndRole.of(piece, known);
            List<String> names = known.containsKey(lookupKey(named.unit)) ? List.of(named.unit)
                    : List.of(JOINING_WORDS.split(named.unit));
            for (String name : names) {
                String unit = cleanName(name);
                if (!unit.isEmpty()) {
                    units.add(new Responsible(unit, named.role));
                    anyRole |= named.role != null;
                }
            }
        }
        return new Parsed(units, !anyRole && sameWords(cell, units));
    }

    /**
     * @param plainList whether the cell only lists the units (no roles, no other words), so that it says nothing a
     *        responsibility note should keep
     */
    record Parsed(List<Responsible> units, boolean plainList) {
    }

    /** The cell split at line breaks, semicolons and commas that are not inside parentheses; list markers dropped. */
    private static List<String> topLevelPieces(String cell) {
        List<String> pieces = new ArrayList<>();
        for (String line : CellItems.split(cell)) {
            int depth = 0;
            StringBuilder piece = new StringBuilder();
            for (char c : line.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                if (depth == 0 && (c == ',' || c == ';' || c == '\n')) {
                    pieces.add(piece.toString().strip());
                    piece.setLength(0);
                }
                else {
                    piece.append(c);
                }
            }
            pieces.add(piece.toString().strip());
        }
        return pieces.stream().filter(piece -> !piece.isEmpty()).toList();
    }

    /** A piece of the cell: a unit, and the role in parentheses or after a colon that follows it. */
    private record UnitAndRole(String unit, @Nullable String role) {

        static UnitAndRole of(String piece, Map<String, String> known) {
            if (known.containsKey(lookupKey(piece))) {
                return new UnitAndRole(piece, null); // "Polisen (LPO City)" may be a unit's whole name
            }
            int open = trailingParenthesis(piece);
            int colon = piece.indexOf(':');
            if (open > 0) {
                return new UnitAndRole(piece.substring(0, open), Texts.orNull(piece.substring(open + 1, piece.length() - 1)));
            }
            if (colon > 0) {
                return new UnitAndRole(piece.substring(0, colon), Texts.orNull(piece.substring(colon + 1)));
            }
            return new UnitAndRole(piece, null);
        }
    }

    /** Joins neighbouring pieces again where together they name a known unit that has a comma in its name. */
    private static List<String> joinKnown(List<String> pieces, Map<String, String> known) {
        List<String> joined = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int longest = 1;
            for (int end = pieces.size(); end > i + 1; end--) {
                if (known.containsKey(lookupKey(UnitAndRole.of(String.join(", ", pieces.subList(i, end)), known).unit))) {
                    longest = end - i;
                    break;
                }
            }
            joined.add(String.join(", ", pieces.subList(i, i + longest)));
            i += longest;
        }
        return joined;
    }

    /** Where a balanced parenthesis that ends the piece opens ("Polisen (LPO City)"), or -1. */
    private static int trailingParenthesis(String piece) {
        if (!piece.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        for (int i = piece.length() - 1; i >= 0; i--) {
            char c = piece.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String cleanName(String name) {
        String cleaned = name.strip().replaceFirst("(?i)^(?:och|samt)\\s+", "");
        while (cleaned.endsWith(".")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        return cleaned;
    }

    private static boolean sameWords(String cell, List<Responsible> units) {
        String unitWords = units.stream().map(Responsible::unit).collect(Collectors.joining(" "));
        return withoutConjunctions(cell).equals(withoutConjunctions(unitWords));
    }

    private static String withoutConjunctions(String text) {
        return CONJUNCTIONS.matcher(Texts.key(text)).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static String lookupKey(String unit) {
        return cleanName(unit).toLowerCase(Locale.ROOT);
    }
}
