package io.leadgate.capture.intake;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import io.leadgate.service.web.BearerAuthenticationFilter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CaptureController {

  private final CaptureIntake intake;

  CaptureController(CaptureIntake intake) {
    this.intake = intake;
  }

  @PostMapping(path = "/api/v1/leads", consumes = "application/json")
  ResponseEntity<CaptureAccepted> capture(
      @Valid @RequestBody CaptureRequest request,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    CaptureAccepted accepted = intake.accept(team(caller), request);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", accepted.statusUrl())
        .body(accepted);
  }

  static Tenant team(Caller caller) {
    if (caller instanceof Caller.TeamMember member) {
      return member.tenant();
    }
    if (caller instanceof Caller.TeamAdmin admin) {
      return admin.tenant();
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Captures come from a team's key");
  }
}
