package se.trygghetsnav.est.week;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoWeekTest {

    @Test
    void weekOneOf2021IsPrecededByWeek53Of2020() {
        assertThat(IsoWeek.parse("2021-W01").previous(4)).extracting(IsoWeek::toString)
                .containsExactly("2020-W53", "2020-W52", "2020-W51", "2020-W50");
    }

    @Test
    void weekOneOf2026IsPrecededByWeek52Of2025WhichHasNoWeek53() {
        assertThat(IsoWeek.parse("2026-W01").previous(2)).extracting(IsoWeek::toString).containsExactly("2025-W52", "2025-W51");
        assertThat(IsoWeek.weeksIn(2025)).isEqualTo(52);
        assertThat(IsoWeek.weeksIn(2026)).isEqualTo(53);
        assertThat(IsoWeek.parse("2027-W01").minusWeeks(1)).hasToString("2026-W53");
    }

    @Test
    void week53ComparesWithWeek52OfAYearWithoutWeek53() {
        assertThat(IsoWeek.parse("2020-W53").sameWeekLastYear()).hasToString("2019-W52");
        assertThat(IsoWeek.parse("2021-W01").sameWeekLastYear()).hasToString("2020-W01");
        assertThat(IsoWeek.parse("2027-W10").sameWeekLastYear()).hasToString("2026-W10");
    }

    @Test
    void aWeekCanStartInTheYearBeforeAndDaysNearNewYearBelongToTheirIsoWeek() {
        assertThat(IsoWeek.parse("2025-W01").monday()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(IsoWeek.of(LocalDate.of(2021, 1, 3))).hasToString("2020-W53");
        assertThat(IsoWeek.of(LocalDate.of(2024, 12, 31))).hasToString("2025-W01");
        assertThat(IsoWeek.parse("2020-W53").contains(LocalDate.of(2021, 1, 3))).isTrue();
        assertThat(IsoWeek.parse("2020-W53").contains(LocalDate.of(2021, 1, 4))).isFalse();
    }

    @Test
    void aWeekTheYearDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> IsoWeek.parse("2021-W53")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021 has weeks 1 to 52");
        assertThatThrownBy(() -> IsoWeek.parse("2026-47")).isInstanceOf(IllegalArgumentException.class);
    }
}
