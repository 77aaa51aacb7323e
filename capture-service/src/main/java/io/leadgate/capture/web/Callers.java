package io.leadgate.capture.web;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Captures and their statuses belong to a team; only a team's keys speak for one. */
public final class Callers {

  private Callers() {}

  public static Tenant team(Caller caller) {
    if (caller instanceof Caller.TeamMember member) {
      return member.tenant();
    }
    if (caller instanceof Caller.TeamAdmin admin) {
      return admin.tenant();
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Captures belong to a team's key.");
  }
}
