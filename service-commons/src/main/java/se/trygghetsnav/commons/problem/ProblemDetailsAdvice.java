package se.trygghetsnav.commons.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a service into RFC 9457 problem details: a stable {@code type} per kind of error,
 * a title and a detail a person can act on in Swedish ({@code Accept-Language: sv}) or English, and for
 * invalid input an {@code errors} array naming each field. Never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = problem(problem.status(), problem.kind(), problem.detailCode(), problem.arguments());
        problem.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (problem.properties().get("currentETag") instanceof String etag) {
            headers.setETag(etag);
        }
        return ResponseEntity.status(problem.status()).headers(headers).body(body);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, DuplicateKeyException.class })
    ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
        log.info("Conflicting write: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", "problem.conflict.detail"));
    }

    /** A role check on a controller method failed (the URL-level checks answer in the security filters). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail");
        body.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> new FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String traceId = MDC.get("traceId");
        log.error("Unexpected error (trace {})", traceId, ex);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "problem.internal-error.detail",
                traceId == null ? "-" : traceId);
        if (traceId != null) {
            body.setProperty("traceId", traceId);
        }
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(error.getField(), messages.getMessage(error, locale)));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldMessage(error.getObjectName(), messages.getMessage(error, locale)));
        }
        errors.sort(Comparator.comparing(FieldMessage::field));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new FieldMessage(result.getMethodParameter().getParameterName(), messages.getMessage(error, locale)))));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request.detail");
        String field = jsonPath(ex);
        if (field != null) {
            body.setProperty("errors", List.of(new FieldMessage(field,
                    messages.getMessage("problem.malformed-request.field", null, LocaleContextHolder.getLocale()))));
        }
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    /** Framework errors (405, 415, 404 …): give them our type and a title in the caller's language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            // Resolves problemDetail.<exception class> details from our bundle, in the caller's language.
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            String kind = ProblemKinds.forStatus(statusCode);
            problem.setType(ProblemKinds.type(kind));
            problem.setTitle(messages.getMessage("problem." + kind + ".title", null, problem.getTitle(),
                    LocaleContextHolder.getLocale()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ProblemDetail problem(HttpStatusCode status, String kind, String detailCode, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(ProblemKinds.type(kind));
        body.setTitle(messages.getMessage("problem." + kind + ".title", null, kind, locale));
        body.setDetail(messages.getMessage(detailCode, arguments, locale));
        return body;
    }

    /** The JSON path of the offending value, e.g. {@code measures[0].dueDate}, when Jackson knows it. */
    private static @Nullable String jsonPath(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                }
                else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    /** One entry of the {@code errors} array. */
    public record FieldMessage(String field, String message) {
    }
}
