package se.trygghetsnav.plan.transfer.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.plan.transfer.PlanDocument;
import se.trygghetsnav.plan.transfer.SeedPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seed plan written to a workbook reads back as the same plan: every field, from the schedules' structured
 * parts to the units' addresses, travels through visible cells only.
 */
class XlsxPlanRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { SeedPlans.NORRTALJE_2024_2026, SeedPlans.STADSDEL_2024, SeedPlans.STADSDEL_2025 })
    void aSeedPlanWrittenToAWorkbookReadsBackAsTheSamePlan(String seed) throws IOException {
        String original = SeedPlans.json(seed);

        XlsxImportResult read = XlsxPlanImport.read(new ByteArrayInputStream(workbookOf(original)), null, null, null);

        JsonNode expected = SeedPlans.normalised(original);
        JsonNode actual = SeedPlans.normalised(JSON.writeValueAsString(read.plan()));
        assertThat(actual.get("focusAreas")).as("focus areas").isEqualTo(expected.get("focusAreas"));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { SeedPlans.NORRTALJE_2024_2026, SeedPlans.STADSDEL_2024, SeedPlans.STADSDEL_2025 })
    void aWorkbookReadBackWritesTheSameWorkbookAgain(String seed) throws IOException {
        byte[] first = workbookOf(SeedPlans.json(seed));
        PlanDocument read = XlsxPlanImport.read(new ByteArrayInputStream(first), null, null, null).plan();

        byte[] second = workbookOf(JSON.writeValueAsString(read));

        assertThat(XlsxPlanImport.read(new ByteArrayInputStream(second), null, null, null).plan()).isEqualTo(read);
    }

    static byte[] workbookOf(String documentJson) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxPlanExport.write(JSON.readValue(documentJson, PlanDocument.class), out);
        return out.toByteArray();
    }
}
