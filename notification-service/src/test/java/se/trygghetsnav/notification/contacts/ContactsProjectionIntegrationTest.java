package se.trygghetsnav.notification.contacts;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.testing.Events;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class ContactsProjectionIntegrationTest {

    @Autowired
    ContactDirectory contacts;

    @Test
    void theDirectoryWinsOverWhatAMeasureEventSaidAndAnOlderVersionChangesNothing() {
        UUID unitId = UUID.randomUUID();
        Events.publish("plan.events", "se.trygghetsnav.plan.org-unit-changed.v1", unitId, orgUnit(unitId, 3, "ny@example.se"));
        awaitUnit(unitId, "ny@example.se");

        Events.publish("plan.events", "se.trygghetsnav.plan.org-unit-changed.v1", unitId, orgUnit(unitId, 2, "gammal@example.se"));
        UUID planId = UUID.randomUUID();
        UUID measureId = UUID.randomUUID();
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Åtgärd",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 9, 30), unitId, "fran-atgarden@example.se", null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> measure(measureId) != null);

        UnitContact unit = TenantScope.callAsSystem(() -> contacts.unit(unitId)).orElseThrow();
        assertThat(unit.contactEmails()).containsExactly("ny@example.se");
        assertThat(unit.managerEmail()).isEqualTo("chef@example.se");
        assertThat(measure(measureId).unitIds()).containsExactly(unitId);
    }

    @Test
    void aMeasureEventIntroducesAUnitNobodyHasDescribedAndALaterPlanVersionMovesTheMeasure() {
        UUID unitId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        UUID measureId = UUID.randomUUID();
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Första",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 9, 30), unitId, "okand@example.se", "chefen@example.se"));
        awaitUnit(unitId, "okand@example.se");

        Events.publishMeasure("measure-changed", planId, Events.measure(UUID.randomUUID(), planId, 5, measureId, "Ändrad",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 10, 30), unitId, "okand@example.se", null));
        Events.publishMeasure("measure-changed", planId, Events.measure(UUID.randomUUID(), planId, 4, measureId, "Äldre",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 30), unitId, "okand@example.se", null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "Ändrad".equals(measure(measureId).title()));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> LocalDate.of(2026, 10, 30).equals(measure(measureId).dueDate()));
    }

    private MeasureContact measure(UUID measureId) {
        return TenantScope.callAsSystem(() -> contacts.measure(measureId)).orElse(null);
    }

    private void awaitUnit(UUID unitId, String address) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.callAsSystem(() -> contacts.unit(unitId))
                .map(UnitContact::contactEmails).orElse(List.of()).contains(address));
    }

    private static String orgUnit(UUID unitId, int version, String address) {
        return """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":%d,"organisationId":"0188",
                 "occurredAt":"2026-01-15T07:00:00Z","name":"Enheten","abbreviation":"EN","contactEmails":["%s"],
                 "managerEmail":"chef@example.se"}
                """.formatted(UUID.randomUUID(), unitId, version, address);
    }
}
