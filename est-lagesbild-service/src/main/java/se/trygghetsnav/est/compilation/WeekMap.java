package se.trygghetsnav.est.compilation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.IsoWeek;

/**
 * A week's entries as a GeoJSON FeatureCollection (RFC 7946) for a GIS map: one Point feature per entry at
 * its place, with the entry's facts but not its description; optionally the week's hot spot cells as
 * Polygon features. Coordinates are WGS 84 [longitude, latitude].
 */
public final class WeekMap {

    private WeekMap() {
    }

    /** @param cells hot spot cells to add as polygons; none for entries only */
    public static Map<String, Object> of(EstGroup group, IsoWeek week, List<Entry> entries, List<Compilation.CellSummary> cells) {
        List<Object> features = new ArrayList<>();
        for (Entry entry : entries) {
            Place place = group.place(entry.placeId()).orElse(null);
            if (place == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", "entry");
            properties.put("entryId", entry.entryId());
            properties.put("category", entry.category());
            properties.put("categoryLabel", group.category(entry.category()).map(category -> category.label())
                    .orElse(entry.category()));
            properties.put("placeId", place.placeId());
            properties.put("placeName", place.name());
            properties.put("area", place.area());
            properties.put("placeType", place.type());
            properties.put("date", entry.date());
            properties.put("timeBand", entry.timeBand());
            properties.put("seriousness", entry.seriousness());
            properties.put("certainty", entry.certainty());
            properties.put("reportedToPolice", entry.reportedToPolice());
            properties.put("reviewed", entry.isReviewed());
            properties.put("reportingOrganisationId", entry.reportingOrganisationId());
            features.add(feature(entry.entryId().toString(),
                    Map.of("type", "Point", "coordinates", List.of(place.longitude(), place.latitude())), properties));
        }
        for (Compilation.CellSummary cell : cells) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", "hot-spot-cell");
            properties.put("cellId", cell.cellId());
            properties.put("sizeMeters", cell.sizeMeters());
            properties.put("count", cell.count());
            properties.put("seriousnessScore", cell.seriousnessScore());
            properties.put("recurrence", cell.recurrence());
            features.add(feature(cell.cellId(), Map.of("type", "Polygon", "coordinates", List.of(cell.ring())), properties));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("name", group.getName() + " " + week);
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(String id, Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }
}
