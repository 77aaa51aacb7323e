package io.leadgate.capture.status;

import io.leadgate.contracts.LeadStatusChanged;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest status of every capture, folded from the compacted leads.status topic. A status only
 * moves forward, so an event arriving out of order never rewinds a capture.
 */
@Component
public class StatusView {

  private final Map<String, LeadStatusChanged> statuses = new ConcurrentHashMap<>();

  public void apply(LeadStatusChanged event) {
    statuses.merge(
        event.captureId(),
        event,
        (current, next) -> current.state().canAdvanceTo(next.state()) ? next : current);
  }

  /** The capture's status, only for the team that captured it. */
  public Optional<LeadStatusChanged> find(String teamId, String captureId) {
    return Optional.ofNullable(statuses.get(captureId))
        .filter(status -> status.teamId().equals(teamId));
  }
}
