package se.trygghetsnav.est.compilation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekStatus;

/** Compiles a group's week for the meeting; readable by the group's members. */
@Service
public class Compilations {

    private final EstGroups groups;
    private final WeekHistory history;
    private final CompilationProperties properties;

    public Compilations(EstGroups groups, WeekHistory history, CompilationProperties properties) {
        this.groups = groups;
        this.history = history;
        this.properties = properties;
    }

    /** A compiled week with the version of the week it was compiled from (0: not opened yet). */
    public record Compiled(long version, Compilation compilation) {
    }

    public Compiled compile(UUID groupId, IsoWeek week) {
        EstGroup group = groups.get(groupId);
        List<IsoWeek> weeksRead = new ArrayList<>();
        weeksRead.add(week);
        weeksRead.addAll(week.previous(4));
        weeksRead.add(week.sameWeekLastYear());
        Map<IsoWeek, WeekHistory.WeekFacts> facts = history.read(groupId, weeksRead);
        WeekHistory.WeekFacts current = facts.remove(week);
        Map<IsoWeek, List<WeekCompiler.EntryPoint>> compared = new LinkedHashMap<>();
        facts.forEach((earlier, fact) -> compared.put(earlier, fact.entries()));
        Compilation compilation = WeekCompiler.compile(group, week, current == null ? WeekStatus.OPEN : current.status(),
                current == null ? List.of() : current.entries(), compared, properties);
        return new Compiled(current == null ? 0 : current.version(), compilation);
    }
}
