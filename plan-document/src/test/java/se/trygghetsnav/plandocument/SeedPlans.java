package se.trygghetsnav.plandocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three seed plans of ../shared/seeds, transcribed completely as plan documents (see
 * seeds/TRANSCRIPTION.md for the judgement calls), and a way to compare plan documents whose element ids differ.
 */
public final class SeedPlans {

    public static final String NORRTALJE_2024_2026 = "seeds/000-norrtalje-2024-2026.json";
    public static final String STADSDEL_2024 = "seeds/001-stadsdel-2024.json";
    public static final String STADSDEL_2025 = "seeds/002-stadsdel-2025.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedPlans() {
    }

    public static String json(String resource) {
        try (InputStream in = SeedPlans.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No seed fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document with element ids replaced by their position ({@code fa1-p2-m3}) and links renamed alike,
     * units sorted by name, and absent optional values dropped: two documents of the same plan compare equal.
     */
    public static JsonNode normalised(String documentJson) {
        ObjectNode document = (ObjectNode) JSON.readTree(documentJson);
        Map<String, String> ids = new HashMap<>();
        ArrayNode areas = array(document, "focusAreas");
        for (int a = 0; a < areas.size(); a++) {
            ObjectNode area = (ObjectNode) areas.get(a);
            String areaId = "fa" + (a + 1);
            area.put("id", areaId);
            ArrayNode problems = array(area, "problems");
            for (int p = 0; p < problems.size(); p++) {
                ObjectNode problem = (ObjectNode) problems.get(p);
                String problemId = areaId + "-p" + (p + 1);
                problem.put("id", problemId);
                rename(array(problem, "causes"), problemId + "-c", ids);
                rename(array(problem, "goals"), problemId + "-g", ids);
                rename(array(problem, "measures"), problemId + "-m", ids);
                for (JsonNode measure : array(problem, "measures")) {
                    relink((ObjectNode) measure, "causeIds", ids);
                    relink((ObjectNode) measure, "goalIds", ids);
                }
            }
        }
        ArrayNode units = array(document, "units");
        List<JsonNode> sorted = units.valueStream().sorted(Comparator.comparing(unit -> unit.path("name").asString())).toList();
        units.removeAll();
        sorted.forEach(units::add);
        return withoutNullsAndEmptyLists(document);
    }

    private static void rename(ArrayNode elements, String prefix, Map<String, String> ids) {
        for (int i = 0; i < elements.size(); i++) {
            ObjectNode element = (ObjectNode) elements.get(i);
            String positional = prefix + (i + 1);
            ids.put(element.path("id").asString(), positional);
            element.put("id", positional);
        }
    }

    private static void relink(ObjectNode measure, String field, Map<String, String> ids) {
        ArrayNode links = array(measure, field);
        List<String> renamed = links.valueStream().map(link -> ids.getOrDefault(link.asString(), "?" + link.asString())).toList();
        links.removeAll();
        renamed.forEach(links::add);
    }

    private static ArrayNode array(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return parent.putArray(field);
        }
        return (ArrayNode) node;
    }

    private static JsonNode withoutNullsAndEmptyLists(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> empty = object.propertyNames().stream()
                    .filter(name -> object.get(name).isNull() || object.get(name).isArray() && object.get(name).isEmpty())
                    .toList();
            empty.forEach(object::remove);
            object.values().forEach(SeedPlans::withoutNullsAndEmptyLists);
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(SeedPlans::withoutNullsAndEmptyLists);
        }
        return node;
    }
}
