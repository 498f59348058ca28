package se.trygghetsnav.commons.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import se.trygghetsnav.commons.problem.ProblemKinds;

/**
 * 401 and 403 as RFC 9457 problem details in the caller's language, with the {@code WWW-Authenticate}
 * header of RFC 6750. They are answered by the security filters, before any controller runs.
 */
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper jsonMapper;

    public ProblemSecurityResponses(MessageSource messages, LocaleResolver locales, JsonMapper jsonMapper) {
        this.messages = messages;
        this.locales = locales;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        String detail = request.getHeader("Authorization") == null ? "problem.unauthenticated.detail"
                : failure.getMessage() != null && failure.getMessage().contains("expired")
                        ? "problem.unauthenticated.detail.expired" : "problem.unauthenticated.detail.invalid";
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
            String detailCode) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemKinds.type(kind).toString());
        problem.put("title", messages.getMessage("problem." + kind + ".title", null, kind, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(detailCode, null, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
