package io.leadgate.writer.redrive;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/dead-letters/redrive}: sends leads.to-create.DLT back through the writer.
 * Only Leadgate's service token may call it (a team's key would re-drive other teams' records).
 */
@RestController
class RedriveController {

  private final DeadLetterRedrive redrive;

  RedriveController(DeadLetterRedrive redrive) {
    this.redrive = redrive;
  }

  @PostMapping("/api/v1/dead-letters/redrive")
  ResponseEntity<?> redrive(@RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    if (!(caller instanceof Caller.Service)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN, "Only Leadgate's service token may re-drive dead letters.");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
    return ResponseEntity.ok(Map.of("redriven", redrive.redrive()));
  }
}
