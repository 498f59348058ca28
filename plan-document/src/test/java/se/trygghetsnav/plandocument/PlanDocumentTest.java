package se.trygghetsnav.plandocument;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up round's texts put into a plan as a column of its measures, for the year-end report. */
class PlanDocumentTest {

    @Test
    void aMeasuresTextReplacesItsValueOfTheColumnInPlaceOrIsAddedAndMeasuresWithoutOneKeepTheirs() {
        PlanDocument plan = plan(List.of(new Column(ColumnField.MEASURE, "Åtgärd"), new Column(ColumnField.EXTRA, "Uppföljning")),
                measure("m1", new ExtraColumn("Uppföljning", "2023: genomförd"), new ExtraColumn("Budget", "25 000")),
                measure("m2", new ExtraColumn("Budget", "10 000")), measure("m3", new ExtraColumn("Uppföljning", "2023: pågår")));

        PlanDocument followedUp = plan.withMeasureTexts("Uppföljning", Map.of("m1", "2024: genomförd", "m2", "2024: inte påbörjad"));

        assertThat(followedUp.columns()).as("the plan has the column already").isEqualTo(plan.columns());
        List<Measure> measures = followedUp.focusAreas().getFirst().problems().getFirst().measures();
        assertThat(measures.get(0).extraColumns()).containsExactly(new ExtraColumn("Uppföljning", "2024: genomförd"),
                new ExtraColumn("Budget", "25 000"));
        assertThat(measures.get(1).extraColumns()).containsExactly(new ExtraColumn("Budget", "10 000"),
                new ExtraColumn("Uppföljning", "2024: inte påbörjad"));
        assertThat(measures.get(2)).isEqualTo(plan.focusAreas().getFirst().problems().getFirst().measures().get(2));
        assertThat(followedUp).usingRecursiveComparison().ignoringFields("focusAreas").isEqualTo(plan);
    }

    @Test
    void aPlanWithoutTheColumnGetsItAfterItsOwnColumns() {
        PlanDocument plan = plan(List.of(new Column(ColumnField.MEASURE, "Åtgärd"), new Column(ColumnField.RESPONSIBLE, "Vem")),
                measure("m1"));

        PlanDocument followedUp = plan.withMeasureTexts("Uppföljning", Map.of("m1", "Genomförd"));

        assertThat(followedUp.columns()).containsExactly(new Column(ColumnField.MEASURE, "Åtgärd"),
                new Column(ColumnField.RESPONSIBLE, "Vem"), new Column(ColumnField.EXTRA, "Uppföljning"));
        assertThat(followedUp.withMeasureTexts("Uppföljning", Map.of()).columns()).as("once")
                .isEqualTo(followedUp.columns());
    }

    private static PlanDocument plan(List<Column> columns, Measure... measures) {
        return new PlanDocument(PlanDocument.FORMAT, "Åtgärdsplan 2024", new PlanDocument.Period(2024, 2024), null, null,
                List.of(), null, columns, List.of(), List.of(new FocusArea("fa1", "Trygghet", null, List.of(),
                        List.of(new Problem("p1", "Centrum", null, null, List.of(), List.of(), List.of(measures))))));
    }

    private static Measure measure(String id, ExtraColumn... extraColumns) {
        return new Measure(id, "Belysning " + id, null, null, null, null, null, List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(extraColumns));
    }
}
