package io.leadgate.capture.status;

import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class StatusController {

  private final StatusView view;

  StatusController(StatusView view) {
    this.view = view;
  }

  @GetMapping("/api/v1/leads/{captureId}")
  LeadStatusChanged status(
      @PathVariable String captureId,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    String teamId =
        caller instanceof Caller.TeamMember member
            ? member.tenant().teamId()
            : caller instanceof Caller.TeamAdmin admin ? admin.tenant().teamId() : null;
    // Another team's capture is indistinguishable from an unknown one.
    return view.find(teamId, captureId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such capture"));
  }
}
