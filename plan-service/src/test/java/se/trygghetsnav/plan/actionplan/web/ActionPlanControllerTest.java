package se.trygghetsnav.plan.actionplan.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPlanControllerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "gzip, deflate, br | true",
            "br;q=1.0, gzip;q=0.8 | true",
            "GZIP | true",
            "* | true",
            "gzip;q=0 | false",
            "gzip; q=0.000, deflate | false",
            "deflate, br | false",
            "identity | false",
            "NULL | false" })
    void aPlanIsSentGzippedOnlyToClientsThatAcceptIt(String acceptEncoding, boolean gzipped) {
        assertThat(ActionPlanController.acceptsGzip(acceptEncoding)).isEqualTo(gzipped);
    }
}
