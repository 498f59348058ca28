package se.trygghetsnav.plan.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.plan.dashboard.PlanEventStream;
import se.trygghetsnav.plan.dashboard.StreamPosition;
import se.trygghetsnav.plan.web.PlanRoles;

@RestController
@Tag(name = "Dashboards", description = "Plan changes as they happen, for browser dashboards")
public class PlanEventStreamController {

    private final PlanEventStream stream;

    public PlanEventStreamController(PlanEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/plan-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Stream your organisation's plan changes as Server-Sent Events",
            description = "Each event is a plan.events message: the SSE event name is its kind (e.g. measure-added), the data its JSON payload as in the AsyncAPI document, the id the stream position. A reconnecting EventSource sends Last-Event-ID and resumes right after the last event it got. Without it the stream starts from now.")
    public SseEmitter stream(Caller caller,
            @Parameter(description = "The id of the last event received, to resume after it")
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @Parameter(description = "false: send the events up to now and end the stream")
            @RequestParam(defaultValue = "true") boolean follow) {
        return stream.open(caller.organisationId(), StreamPosition.parse(lastEventId).orElse(null), follow);
    }
}
