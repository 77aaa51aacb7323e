package io.leadgate.capture.web;

import io.leadgate.capture.intake.CaptureIdConflictException;
import io.leadgate.capture.intake.FieldProblem;
import io.leadgate.capture.intake.InvalidCaptureException;
import io.leadgate.capture.intake.KafkaUnavailableException;
import io.leadgate.capture.ratelimit.RateLimiter.RateLimitedException;
import io.leadgate.capture.status.StatusStreams.InvalidLastEventIdException;
import io.leadgate.capture.status.ViewUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * RFC 9457 answers that tell the extension exactly what to fix or when to retry. Nothing the client
 * sent is echoed back beyond field names, and no exception class or stack reaches the wire.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  private static final String TYPES = "https://leadgate.io/problems/";

  @ExceptionHandler(InvalidCaptureException.class)
  ResponseEntity<Object> invalid(InvalidCaptureException e) {
    return invalid("The capture is invalid; see errors.", e.problems());
  }

  @ExceptionHandler(CaptureIdConflictException.class)
  ResponseEntity<Object> conflict(CaptureIdConflictException e) {
    return problem(HttpStatus.CONFLICT, "captureId-conflict", "captureId in use", e.getMessage());
  }

  @ExceptionHandler({KafkaUnavailableException.class, ViewUnavailableException.class})
  ResponseEntity<Object> unavailable(RuntimeException e) {
    return retryLater(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Temporarily unavailable",
        "Nothing was accepted; send the same request again shortly.",
        Duration.ofSeconds(5));
  }

  @ExceptionHandler(ViewNotReadyException.class)
  ResponseEntity<Object> notReady(ViewNotReadyException e) {
    return retryLater(
        HttpStatus.SERVICE_UNAVAILABLE,
        "starting",
        "Starting",
        "The service is still loading capture statuses; try again shortly.",
        Duration.ofSeconds(2));
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<Object> rateLimited(RateLimitedException e) {
    return retryLater(
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests",
        "This API key sent more than its rate; wait for Retry-After seconds.",
        e.retryAfter());
  }

  @ExceptionHandler(InvalidLastEventIdException.class)
  ResponseEntity<Object> badLastEventId(InvalidLastEventIdException e) {
    return invalid(
        "Last-Event-ID is not an id from this stream.",
        List.of(new FieldProblem("Last-Event-ID", "reconnect without it")));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("Unexpected failure answering a request", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "Nothing was accepted; try again later.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "too-large",
            "Body too large",
            "The body is larger than " + tooLarge.limit() + " bytes; send less per request.");
      }
      if (cause instanceof StreamReadException malformed) {
        String where =
            malformed.getLocation() == null
                ? ""
                : " (line "
                    + malformed.getLocation().getLineNr()
                    + ", column "
                    + malformed.getLocation().getColumnNr()
                    + ")";
        return invalid(
            "The body is not valid JSON" + where + ".",
            List.of(new FieldProblem("body", "not valid JSON" + where)));
      }
      if (cause instanceof DatabindException binding) {
        String field = path(binding);
        return invalid(
            "A field has the wrong type or format.",
            List.of(new FieldProblem(field.isEmpty() ? "body" : field, "wrong type or format")));
      }
    }
    return invalid(
        "The body is missing or unreadable.",
        List.of(new FieldProblem("body", "send a JSON object")));
  }

  /** captures[3].captureId, from the parser's path. */
  static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ResponseEntity<Object> invalid(String detail, List<FieldProblem> problems) {
    ProblemDetail problem =
        detail(HttpStatus.BAD_REQUEST, "invalid-capture", "Invalid capture", detail);
    problem.setProperty(
        "errors",
        problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ResponseEntity<Object> retryLater(
      HttpStatus status, String type, String title, String detail, Duration after) {
    long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
    ProblemDetail problem = detail(status, type, title, detail);
    problem.setProperty("retryAfterSeconds", seconds);
    return ResponseEntity.status(status)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String type, String title, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail(status, type, title, detail));
  }

  private static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    return problem;
  }
}
