package io.leadgate.capture.intake;

import io.leadgate.capture.web.LargeBody;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaptureController {

  private final CaptureIntake intake;

  CaptureController(CaptureIntake intake) {
    this.intake = intake;
  }

  @PostMapping(
      path = "/api/v1/leads",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaptureAccepted> capture(
      @RequestBody CaptureRequest request,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    CaptureAccepted accepted = intake.accept(caller, request);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", accepted.statusUrl())
        .body(accepted);
  }

  @PostMapping(
      path = "/api/v1/leads/batch",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  BatchResult batch(
      @LargeBody @RequestBody CaptureBatch batch,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    return intake.acceptBatch(caller, batch);
  }
}
