package io.leadgate.bench.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the time from capture to final state went, stage by stage, from the create times of the
 * statuses the services wrote (one machine, one clock):
 *
 * <ul>
 *   <li>{@code accepted}: intended send → RECEIVED written (HTTP, capture-service, its Kafka ack
 *       not included: RECEIVED is stamped when it is sent);
 *   <li>{@code checked}: RECEIVED → dedup-service's decision (CHECKING for a new person, DUPLICATE
 *       for a duplicate);
 *   <li>{@code created}: CHECKING → CREATED (writer-service);
 *   <li>{@code read}: the final state written → the driver read it.
 * </ul>
 */
record StageLatencies(
    LatencyStats accepted, LatencyStats checked, LatencyStats created, LatencyStats read) {

  /** One capture's instants, epoch milliseconds; 0 where a status was not seen. */
  record Capture(
      long intendedMillis,
      long receivedMillis,
      long checkingMillis,
      String finalState,
      long finalMillis,
      long seenMillis) {}

  static StageLatencies of(List<Capture> captures) {
    List<Long> accepted = new ArrayList<>();
    List<Long> checked = new ArrayList<>();
    List<Long> created = new ArrayList<>();
    List<Long> read = new ArrayList<>();
    for (Capture c : captures) {
      if (c.receivedMillis() > 0) {
        accepted.add(c.receivedMillis() - c.intendedMillis());
      }
      if ("CREATED".equals(c.finalState()) && c.checkingMillis() > 0) {
        if (c.receivedMillis() > 0) {
          checked.add(c.checkingMillis() - c.receivedMillis());
        }
        created.add(c.finalMillis() - c.checkingMillis());
      } else if ("DUPLICATE".equals(c.finalState()) && c.receivedMillis() > 0) {
        checked.add(c.finalMillis() - c.receivedMillis());
      }
      read.add(c.seenMillis() - c.finalMillis());
    }
    return new StageLatencies(stats(accepted), stats(checked), stats(created), stats(read));
  }

  private static LatencyStats stats(List<Long> millis) {
    return LatencyStats.of(millis.stream().mapToLong(ms -> ms * 1_000_000L).toArray());
  }
}
