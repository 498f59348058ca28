package se.trygghetsnav.commons.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

/**
 * Strong ETags from aggregate versions, and the {@code If-Match} rules of conventions.md: a stale
 * {@code If-Match} answers 412 (with the current ETag), a write that needs one and lacks it 428.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks an optional {@code If-Match} header against the current version. */
    public static void checkIfPresent(@Nullable String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            check(ifMatch, currentVersion);
        }
    }

    /** Checks a required {@code If-Match} header against the current version. */
    public static void checkRequired(@Nullable String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    "problem.precondition-required.detail", Map.of("currentETag", of(currentVersion)));
        }
        check(ifMatch, currentVersion);
    }

    private static void check(String ifMatch, long currentVersion) {
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "problem.precondition-failed.detail",
                Map.of("currentETag", current), ifMatch.trim(), current);
    }
}
