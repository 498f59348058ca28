package se.trygghetsnav.commons.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/** The stable problem type URIs, one per kind of error. */
public final class ProblemKinds {

    public static final String BASE = "https://trygghetsnav.se/problems/";

    private ProblemKinds() {
    }

    public static URI type(String kind) {
        return URI.create(BASE + kind);
    }

    /** The kind for errors that the framework raises, by status. */
    static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }
}
