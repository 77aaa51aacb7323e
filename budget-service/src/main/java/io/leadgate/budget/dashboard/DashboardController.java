package io.leadgate.budget.dashboard;

import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import io.leadgate.service.web.BearerAuthenticationFilter;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's two doors: a team key buys a one-time ticket (under /api/, so the bearer filter
 * authenticates it), and the ticket opens the team's org stream. The page itself is static
 * (/dashboard/index.html) and holds no data.
 */
@RestController
class DashboardController {

  private final DashboardTickets tickets;
  private final DashboardStreams streams;

  DashboardController(DashboardTickets tickets, DashboardStreams streams) {
    this.tickets = tickets;
    this.streams = streams;
  }

  record TicketIssued(String ticket, String orgId, String teamId, Instant expiresAt) {
    /** Without the ticket: Spring MVC logs the returned value at DEBUG ("Writing [...]"). */
    @Override
    public String toString() {
      return "TicketIssued[ticket=(hidden), orgId="
          + orgId
          + ", teamId="
          + teamId
          + ", expiresAt="
          + expiresAt
          + "]";
    }
  }

  @PostMapping("/api/v1/dashboard/tickets")
  TicketIssued ticket(@RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    // A dashboard is one team's view: the service token sees every org, so it gets none.
    Tenant tenant;
    if (caller instanceof Caller.TeamMember member) {
      tenant = member.tenant();
    } else if (caller instanceof Caller.TeamAdmin admin) {
      tenant = admin.tenant();
    } else {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "The dashboard is opened with a team's key");
    }
    DashboardTickets.Ticket ticket = tickets.issue(tenant.orgId());
    return new TicketIssued(ticket.value(), tenant.orgId(), tenant.teamId(), ticket.expiresAt());
  }

  @GetMapping(path = "/dashboard/stream", produces = "text/event-stream")
  SseEmitter stream(@RequestParam(required = false) String ticket) {
    String orgId =
        tickets
            .redeem(ticket)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.UNAUTHORIZED, "Unknown, used or expired ticket"));
    return streams.open(orgId);
  }
}
