package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.PlanDocument.Cause;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.xlsx.CellFormats.GoalParts;

/**
 * A problem as its rows are read. A cause (or goal) is one element however many rows name it: the same text
 * within the problem is the same cause, linked to every measure in whose rows it stands.
 */
final class ProblemDraft {

    private final String id;
    private final String title;
    private @Nullable String placeName;
    private @Nullable String description;
    private final Map<String, Cause> causes = new LinkedHashMap<>();
    private final Map<String, Goal> goals = new LinkedHashMap<>();
    private final List<Measure> measures = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();

    ProblemDraft(String id, String title) {
        this.id = id;
        this.title = title;
    }

    String title() {
        return title;
    }

    /** Sets the place or description the first row that has one says. */
    void describe(@Nullable String place, @Nullable String problemDescription) {
        placeName = placeName == null ? place : placeName;
        description = description == null ? problemDescription : description;
    }

    /**
     * The id of the cause with this text, added if the problem does not have it yet.
     *
     * @return the id, and an existing cause the text nearly equals (an OCR variant?) when it was added
     */
    CauseLookup cause(String text) {
        Cause known = causes.get(text);
        if (known != null) {
            return new CauseLookup(known.id(), null);
        }
        String similar = causes.keySet().stream().filter(other -> nearlySame(other, text)).findFirst().orElse(null);
        Cause cause = new Cause(id + "-c" + (causes.size() + 1), text);
        causes.put(text, cause);
        return new CauseLookup(cause.id(), similar);
    }

    record CauseLookup(String id, @Nullable String similarTo) {
    }

    /**
     * The id of the goal with this text, added if the problem does not have it yet.
     *
     * @return the id, and whether the goal was known with other SMART parts (the first ones are kept)
     */
    GoalLookup goal(GoalParts parts) {
        Goal known = goals.get(parts.text());
        Goal read = new Goal(known == null ? id + "-g" + (goals.size() + 1) : known.id(), parts.text(), parts.indicator(),
                parts.baseline(), parts.targetValue(), parts.parsedTargetDate());
        if (known != null) {
            return new GoalLookup(known.id(), !known.equals(read));
        }
        goals.put(parts.text(), read);
        return new GoalLookup(read.id(), false);
    }

    record GoalLookup(String id, boolean differentParts) {
    }

    String nextMeasureId() {
        return id + "-m" + (measures.size() + 1);
    }

    void add(Measure measure) {
        measures.add(measure);
        linked.addAll(measure.causeIds());
        linked.addAll(measure.goalIds());
    }

    boolean isEmpty() {
        return causes.isEmpty() && goals.isEmpty() && measures.isEmpty();
    }

    /** The texts of the causes and goals no measure addresses. */
    List<String> unlinked() {
        List<String> texts = new ArrayList<>();
        causes.values().stream().filter(cause -> !linked.contains(cause.id())).forEach(cause -> texts.add(cause.text()));
        goals.values().stream().filter(goal -> !linked.contains(goal.id())).forEach(goal -> texts.add(goal.text()));
        return texts;
    }

    Problem toDocument() {
        return new Problem(id, title, placeName, description, List.copyOf(causes.values()), List.copyOf(goals.values()),
                measures);
    }

    /** Texts that differ by a few letters only, as OCR makes of one text read twice ("drogscen", "drogszen"). */
    private static boolean nearlySame(String a, String b) {
        int tolerance = Math.max(2, Math.min(a.length(), b.length()) / 50);
        return Math.abs(a.length() - b.length()) <= tolerance && Texts.editDistance(a, b) <= tolerance;
    }
}
