package se.trygghetsnav.commons.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void theETagIsTheQuotedVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void aMatchingOrWildcardIfMatchPasses() {
        assertThatCode(() -> ETags.checkRequired("\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkRequired("\"6\", \"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkRequired("*", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkIfPresent(null, 7)).doesNotThrowAnyException();
    }

    @Test
    void aStaleIfMatchIsPreconditionFailedWithTheCurrentETag() {
        assertThatThrownBy(() -> ETags.checkIfPresent("\"6\"", 7))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(problem.properties()).containsEntry("currentETag", "\"7\"");
                });
    }

    @Test
    void aMissingRequiredIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> ETags.checkRequired(" ", 7))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }
}
