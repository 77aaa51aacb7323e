package io.leadgate.capture.status;

import io.leadgate.contracts.LeadStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest status of every capture, folded from the compacted leads.status topic, with where in
 * the topic that status sits (so a stream can resume from a position). A status only moves forward,
 * so an event arriving out of order never rewinds a capture.
 */
@Component
public class StatusView {

  /** A capture's status and its record's place in leads.status. */
  public record Entry(LeadStatusChanged status, int partition, long offset) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Folds one record in. True when the record is now the capture's status (the stream sends it);
   * false when a status of higher rank is already held.
   */
  public boolean apply(LeadStatusChanged event, int partition, long offset) {
    Entry next = new Entry(event, partition, offset);
    Entry kept =
        entries.merge(
            event.captureId(),
            next,
            (current, candidate) ->
                current.offset() == candidate.offset() && current.partition() == partition
                    ? current
                    : current.status().state().canAdvanceTo(candidate.status().state())
                        ? candidate
                        : current);
    return kept.partition() == partition && kept.offset() == offset;
  }

  /**
   * The status folded in from exactly this record, or null. Lets the feed skip parsing a record
   * this replica wrote and already folded in when Kafka acknowledged it.
   */
  public LeadStatusChanged heldAt(String captureId, int partition, long offset) {
    Entry entry = captureId == null ? null : entries.get(captureId);
    return entry != null && entry.partition() == partition && entry.offset() == offset
        ? entry.status()
        : null;
  }

  /** The capture's status, only for the team that captured it. */
  public Optional<LeadStatusChanged> find(String teamId, String captureId) {
    return Optional.ofNullable(entries.get(captureId))
        .map(Entry::status)
        .filter(status -> status.teamId().equals(teamId));
  }

  /** The capture's status whichever team holds it: a capture id is unique across teams. */
  public Optional<LeadStatusChanged> findAnyTeam(String captureId) {
    return Optional.ofNullable(entries.get(captureId)).map(Entry::status);
  }

  /** The team's captures whose status sits at or after {@code position}. */
  public List<Entry> changedSince(String teamId, StatusPosition position) {
    return entries.values().stream()
        .filter(entry -> entry.status().teamId().equals(teamId))
        .filter(entry -> entry.offset() >= position.offset(entry.partition()))
        .toList();
  }

  public int size() {
    return entries.size();
  }
}
