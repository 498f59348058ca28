package se.trygghetsnav.est.compilation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekReports;

/** Compiles a group's week for the meeting; readable by the group's members. */
@Service
public class Compilations {

    private final WeekReports weeks;
    private final WeekHistory history;
    private final CompilationProperties properties;

    public Compilations(WeekReports weeks, WeekHistory history, CompilationProperties properties) {
        this.weeks = weeks;
        this.history = history;
        this.properties = properties;
    }

    /** A compiled week with the week it was compiled from. */
    public record Compiled(WeekReports.Week week, Compilation compilation) {
    }

    public Compiled compile(UUID groupId, IsoWeek week) {
        WeekReports.Week found = weeks.week(groupId, week);
        List<IsoWeek> compared = new ArrayList<>(week.previous(4));
        compared.add(week.sameWeekLastYear());
        Compilation compilation = WeekCompiler.compile(found.group(), week, found.status(), found.entries(),
                history.read(groupId, compared), properties);
        return new Compiled(found, compilation);
    }
}
