package se.trygghetsnav.system.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plan documents shaped like the seed plans, at a chosen size: five focus areas of six problems, each with
 * two causes, two goals and its share of the measures; every measure with a schedule, one to three of the
 * municipality's six units, links, follow-up criteria and an extra column.
 */
final class SyntheticPlans {

    private static final String[] AREAS = { "Unga i riskzon", "Våld i nära relation", "Trygghet i offentlig miljö",
            "Välfärdsbrott och otillåten påverkan", "Särskilt utsatta brottsoffer" };
    private static final String[][] UNITS = { { "Kommunstyrelsekontoret", "KSK" }, { "Barn och utbildning", "BoU" },
            { "Kultur och fritid", "KoF" }, { "Socialförvaltningen", "SOC" }, { "Samhällsbyggnad", "SB" },
            { "Lokalpolisområdet", "LPO" } };
    private static final int PROBLEMS_PER_AREA = 6;

    private SyntheticPlans() {
    }

    static String organisation(int municipality) {
        return "bench-kommun-%03d".formatted(municipality);
    }

    static Map<String, Object> plan(int municipality, int measures) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (String[] unit : UNITS) {
            units.add(Map.of("name", unit[0], "abbreviation", unit[1],
                    "contactEmails", List.of(unit[1].toLowerCase() + "@kommun" + municipality + ".example.se"),
                    "managerEmail", "chef." + unit[1].toLowerCase() + "@kommun" + municipality + ".example.se"));
        }
        int problems = AREAS.length * PROBLEMS_PER_AREA;
        List<Map<String, Object>> areas = new ArrayList<>();
        int measure = 0;
        for (int a = 0; a < AREAS.length; a++) {
            List<Map<String, Object>> areaProblems = new ArrayList<>();
            for (int p = 0; p < PROBLEMS_PER_AREA; p++) {
                String id = "fa" + a + "-p" + p;
                int share = measures / problems + ((a * PROBLEMS_PER_AREA + p) < measures % problems ? 1 : 0);
                List<Map<String, Object>> problemMeasures = new ArrayList<>();
                for (int m = 0; m < share; m++, measure++) {
                    problemMeasures.add(measure(id, m, measure));
                }
                areaProblems.add(Map.of("id", id, "title", "Problemområde " + (p + 1) + " inom " + AREAS[a],
                        "description", "Lägesbilden visar återkommande otrygghet och anmälda brott kvällstid.",
                        "causes", List.of(
                                Map.of("id", id + "-c1", "text", "Avsaknad av vuxennärvaro på platser där unga samlas kvällstid, enligt lägesbilden " + (2023 + p % 2) + "."),
                                Map.of("id", id + "-c2", "text", "Bristande belysning och nedskräpning gör att platsen upplevs som otrygg.")),
                        "goals", List.of(
                                Map.of("id", id + "-g1", "text", "Ökad upplevd trygghet i området enligt trygghetsmätningen.",
                                        "indicator", "Andel som känner sig trygga kvällstid", "baseline", "61 %", "targetValue", "70 %"),
                                Map.of("id", id + "-g2", "text", "Minskat antal anmälda skadegörelsebrott på platsen.")),
                        "measures", problemMeasures));
            }
            areas.add(Map.of("id", "fa" + a, "name", AREAS[a],
                    "rationale", "Området är prioriterat i samverkansöverenskommelsen med lokalpolisområdet.",
                    "indicators", List.of(Map.of("text", "Förbättrat resultat i Polisens trygghetsmätning",
                            "dataSource", "Polisens trygghetsmätning", "higherIsBetter", true)),
                    "problems", areaProblems));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("format", "trygghetsnav.plan.v1");
        plan.put("title", "Brottsförebyggande åtgärdsplan 2025–2027, kommun " + municipality);
        plan.put("period", Map.of("startYear", 2025, "endYear", 2027));
        plan.put("introduction", "Planen bygger på kommunens lägesbild och orsaksanalys enligt lag (2023:196).");
        plan.put("coordinator", Map.of("name", "Brottsförebyggande samordnare", "email", "samordnare@kommun" + municipality + ".example.se"));
        plan.put("columns", List.of(Map.of("field", "PROBLEM", "heading", "Problemområde"), Map.of("field", "CAUSE", "heading", "Orsak"),
                Map.of("field", "GOAL", "heading", "Operativt mål"), Map.of("field", "MEASURE", "heading", "Åtgärd"),
                Map.of("field", "SCHEDULE", "heading", "När"), Map.of("field", "RESPONSIBLE", "heading", "Ansvarig"),
                Map.of("field", "EXTRA", "heading", "Uppföljning")));
        plan.put("units", units);
        plan.put("focusAreas", areas);
        return plan;
    }

    private static Map<String, Object> measure(String problemId, int index, int ordinal) {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("id", problemId + "-m" + index);
        measure.put("title", "Åtgärd " + (ordinal + 1) + ": riktad närvaro och trygghetsvandring på utpekade platser");
        measure.put("description", "Fältassistenter och polis genomför gemensamma insatser utifrån veckans EST-lägesbild.");
        measure.put("kind", ordinal % 3 == 0 ? "POINT_EFFORT" : "ORDINARY_WORK");
        measure.put("schedule", switch (ordinal % 4) {
            case 0 -> Map.of("type", "DUE_DATE", "dueDate", "2026-%02d-%02d".formatted(1 + ordinal % 12, 1 + ordinal % 28));
            case 1 -> Map.of("type", "RECURRENCE", "text", "2 ggr/veckan, löpande",
                    "recurrence", Map.of("times", 2, "per", "WEEK"));
            case 2 -> Map.of("type", "PERIOD", "startDate", "2025-01-01", "endDate", "2025-12-31");
            default -> Map.of("type", "CONTINUOUS", "text", "Löpande");
        });
        List<Map<String, Object>> responsible = new ArrayList<>();
        for (int u = 0; u <= ordinal % 3; u++) {
            responsible.add(Map.of("unit", UNITS[(ordinal + u) % UNITS.length][1]));
        }
        measure.put("responsible", responsible);
        measure.put("causeIds", List.of(problemId + "-c" + (1 + index % 2)));
        measure.put("goalIds", index % 2 == 0 ? List.of(problemId + "-g1", problemId + "-g2") : List.of(problemId + "-g1"));
        measure.put("followUpCriteria", List.of("Antal genomförda insatser", "Hur har parterna uppfyllt sina åtaganden?"));
        measure.put("extraColumns", List.of(Map.of("name", "Uppföljning", "value", "")));
        return measure;
    }
}
