package io.leadgate.faultcampaign;

import io.leadgate.emulator.CallLogEntry;
import io.leadgate.emulator.EmulatedOrg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every call an org received. The emulator's own call log is bounded (its oldest entries go),
 * so it is read often and the new entries appended: the log is in arrival order, and an entry is
 * new when it is later than the last one kept, or as late but beyond the ones kept at that instant.
 */
final class CallLogRecorder implements AutoCloseable {

  private final Map<String, EmulatedOrg> orgs;
  private final Map<String, List<CallLogEntry>> calls = new HashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

  CallLogRecorder(List<EmulatedOrg> orgs) {
    this.orgs = new HashMap<>();
    for (EmulatedOrg org : orgs) {
      this.orgs.put(org.orgId(), org);
      calls.put(org.orgId(), new ArrayList<>());
    }
    poller.scheduleWithFixedDelay(this::poll, 0, 250, TimeUnit.MILLISECONDS);
  }

  synchronized void poll() {
    orgs.forEach((orgId, org) -> merge(calls.get(orgId), org.callLog()));
  }

  static void merge(List<CallLogEntry> kept, List<CallLogEntry> log) {
    Instant last = kept.isEmpty() ? Instant.MIN : kept.get(kept.size() - 1).timestamp();
    int keptAtLast = 0;
    for (int i = kept.size() - 1; i >= 0 && kept.get(i).timestamp().equals(last); i--) {
      keptAtLast++;
    }
    int seenAtLast = 0;
    for (CallLogEntry entry : log) {
      int order = entry.timestamp().compareTo(last);
      if (order > 0) {
        kept.add(entry);
      } else if (order == 0 && ++seenAtLast > keptAtLast) {
        kept.add(entry);
      }
    }
  }

  /** Counted calls of an org, in arrival order. */
  synchronized List<Instant> countedCalls(String orgId) {
    return calls.get(orgId).stream()
        .filter(CallLogEntry::counted)
        .map(CallLogEntry::timestamp)
        .toList();
  }

  synchronized int calls(String orgId) {
    return calls.get(orgId).size();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    poll();
  }
}
