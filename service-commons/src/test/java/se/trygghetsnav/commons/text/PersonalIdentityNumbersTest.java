package se.trygghetsnav.commons.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalIdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = { "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218 9876",
            "811218+9876", "Pojken (811218-9876) sågs vid torget.", "pnr:811218-9876." })
    void findsAPersonnummerInEveryCommonFormat(String text) {
        assertThat(PersonalIdentityNumbers.find(text)).hasValueSatisfying(finding ->
                assertThat(finding.kind()).isEqualTo(PersonalIdentityNumbers.Kind.PERSONNUMMER));
    }

    @ParameterizedTest
    @ValueSource(strings = { "701063-2391", "19701063-2391", "7010632391" })
    void findsASamordningsnummer(String text) {
        assertThat(PersonalIdentityNumbers.find(text)).hasValueSatisfying(finding ->
                assertThat(finding.kind()).isEqualTo(PersonalIdentityNumbers.Kind.SAMORDNINGSNUMMER));
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryOfALeapYear() {
        assertThat(PersonalIdentityNumbers.containsAny("20000229-6671")).isTrue();
        assertThat(PersonalIdentityNumbers.containsAny("000229-6671")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "811218-9875", "901301-1234", "810231-2345", "KS 2024/0123-12", "070-123 45 67",
            "Ärendet 2024-00123 gäller 12 personer", "9001011234", "4581120312345678", "08-508 000 00",
            "1811218-98765", "Det hände 2024-06-30 kl 22-23" })
    void leavesOrdinaryNumbersAlone(String text) {
        assertThat(PersonalIdentityNumbers.containsAny(text)).as(text).isFalse();
    }

    @Test
    void saysWhereTheNumberIsWithoutRepeatingIt() {
        String text = "Anmälan om 811218-9876 i trapphuset";

        assertThat(PersonalIdentityNumbers.find(text)).hasValueSatisfying(finding -> {
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo("811218-9876");
            assertThat(finding.toString()).doesNotContain("9876");
        });
    }
}
