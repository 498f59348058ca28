package se.trygghetsnav.est.compilation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.est.compilation.Compilation;
import se.trygghetsnav.est.compilation.Compilations;
import se.trygghetsnav.est.compilation.WeekMap;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekReports;
import se.trygghetsnav.est.web.EstRoles;

@RestController
@RequestMapping("/api/v1/est-groups/{groupId}/weeks/{week}")
@Tag(name = "EST compiled week", description = "The week compiled for the meeting, and its map")
public class CompilationController {

    /** GeoJSON's media type (RFC 7946). */
    public static final String GEO_JSON = "application/geo+json";

    private final Compilations compilations;
    private final WeekReports weeks;

    public CompilationController(Compilations compilations, WeekReports weeks) {
        this.compilations = compilations;
        this.weeks = weeks;
    }

    @GetMapping("/compilation")
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "The compiled week: counts, trends, hot spots, new and recurring places",
            description = "Counts by category, area and place; each against the previous four weeks (across year ends) and the "
                    + "same ISO week last year. Hot spots rank places and SWEREF 99 TM grid cells (the group's cell size) by the "
                    + "entries' seriousness. A place is new when it had no entries in the previous four weeks, else recurring.")
    public ResponseEntity<Compilation> compilation(@PathVariable UUID groupId, @PathVariable IsoWeek week) {
        Compilations.Compiled compiled = compilations.compile(groupId, week);
        return ResponseEntity.ok().eTag(ETags.of(compiled.version())).body(compiled.compilation());
    }

    @GetMapping(path = "/map", produces = { GEO_JSON, MediaType.APPLICATION_JSON_VALUE })
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "The week's entries as GeoJSON for a GIS map",
            description = "A FeatureCollection with a Point per entry at its place (WGS 84), carrying the entry's facts but not its "
                    + "description; with cells=true also the hot spot grid cells as Polygons.")
    public ResponseEntity<Map<String, Object>> map(@PathVariable UUID groupId, @PathVariable IsoWeek week,
            @Parameter(description = "Add the hot spot grid cells") @RequestParam(defaultValue = "false") boolean cells) {
        WeekReports.Week found = weeks.week(groupId, week);
        List<Compilation.CellSummary> hotSpotCells = cells ? compilations.compile(groupId, week).compilation().hotSpots().cells()
                : List.of();
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .contentType(MediaType.parseMediaType(GEO_JSON))
                .body(WeekMap.of(found.group(), week, found.entries(), hotSpotCells));
    }
}
