package io.leadgate.capture.intake;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 answers that tell the extension exactly what to fix or when to retry. */
@RestControllerAdvice
class CaptureProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The capture is invalid.");
    problem.setTitle("Invalid capture");
    problem.setType(URI.create("https://leadgate.io/problems/invalid-capture"));
    List<Map<String, String>> errors =
        ex.getBindingResult().getAllErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error instanceof org.springframework.validation.FieldError field
                            ? field.getField().replace("matchable", "email")
                            : error.getObjectName(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(KafkaUnavailableException.class)
  ResponseEntity<ProblemDetail> kafkaUnavailable(KafkaUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The capture was not accepted; send the same capture again shortly.");
    problem.setTitle("Temporarily unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> unusable(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid capture");
    return ResponseEntity.badRequest().body(problem);
  }
}
