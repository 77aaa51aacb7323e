package io.leadgate.budget.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that open a team's dashboard stream. A browser's EventSource cannot send an
 * Authorization header, and a team key in a URL would end up in access logs and browser history; so
 * the page exchanges the key (in a header, over the authenticated API) for a ticket that is valid
 * once, for a short time, and only for that team's org.
 */
public final class DashboardTickets {

  /** What a ticket grants: one org's stream. */
  public record Ticket(String value, String orgId, Instant expiresAt) {
    /** Without the value, should a ticket ever be logged. */
    @Override
    public String toString() {
      return "Ticket[value=(hidden), orgId=" + orgId + ", expiresAt=" + expiresAt + "]";
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final java.time.Duration ttl;

  public DashboardTickets(Clock clock, java.time.Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  public Ticket issue(String orgId) {
    Instant now = clock.instant();
    tickets.values().removeIf(t -> t.expiresAt().isBefore(now));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    Ticket ticket =
        new Ticket(
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), orgId, now.plus(ttl));
    tickets.put(ticket.value(), ticket);
    return ticket;
  }

  /** The org the ticket opens, once; empty when unknown, used or expired. */
  public Optional<String> redeem(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Ticket ticket = tickets.remove(value);
    if (ticket == null || ticket.expiresAt().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(ticket.orgId());
  }
}
