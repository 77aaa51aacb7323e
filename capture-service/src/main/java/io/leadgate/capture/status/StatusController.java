package io.leadgate.capture.status;

import io.leadgate.capture.web.Callers;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class StatusController {

  private final StatusQueries queries;
  private final StatusStreams streams;

  StatusController(StatusQueries queries, StatusStreams streams) {
    this.queries = queries;
    this.streams = streams;
  }

  @GetMapping(path = "/api/v1/leads/{captureId}", produces = MediaType.APPLICATION_JSON_VALUE)
  CaptureStatus status(
      @PathVariable String captureId,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    // Another team's capture is indistinguishable from an unknown one: same status, same words.
    return queries
        .status(Callers.team(caller).teamId(), captureId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such capture."));
  }

  @GetMapping(path = "/api/v1/leads/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    return streams.open(Callers.team(caller).teamId(), lastEventId);
  }
}
