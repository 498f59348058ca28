package se.trygghetsnav.followup.indicator;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void theFirstNumberOfASmartTextIsItsFigureAndAYearAfterItIsNot() {
        assertThat(Figures.firstIn("78 % (2022)")).isEqualByComparingTo("78");
        assertThat(Figures.firstIn("minst 85 procent")).isEqualByComparingTo("85");
        assertThat(Figures.firstIn("1,5 mnkr")).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(Figures.firstIn("−12 anmälningar")).isEqualByComparingTo("-12");
    }

    @Test
    void aTextWithoutANumberHasNoFigure() {
        assertThat(Figures.firstIn("Ökad trygghet")).isNull();
        assertThat(Figures.firstIn(null)).isNull();
    }
}
