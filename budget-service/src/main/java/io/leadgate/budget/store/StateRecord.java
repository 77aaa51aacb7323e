package io.leadgate.budget.store;

import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.SpendLog;
import java.time.Instant;
import java.util.List;

/**
 * One record of budget-service's compacted state topic (internal: no other service reads it).
 *
 * <ul>
 *   <li>{@code spend}, key {@code spend|orgId|bucketEnd}: Leadgate's reported calls of one minute
 *   <li>{@code leases}, key {@code leases|orgId}: the org's live leases at a clean stop
 *   <li>{@code started} / {@code stopped}, key {@code run}: whether the last run stopped cleanly,
 *       and which run is the active one ({@link RunFence})
 * </ul>
 *
 * @param runId the run that wrote a marker (null in markers written before runs had ids)
 */
public record StateRecord(
    String kind,
    String orgId,
    SpendLog.Bucket bucket,
    List<Lease> leases,
    Instant at,
    String runId) {

  public static final String SPEND = "spend";
  public static final String LEASES = "leases";
  public static final String STARTED = "started";
  public static final String STOPPED = "stopped";

  public String key() {
    return switch (kind) {
      case SPEND -> SPEND + "|" + orgId + "|" + bucket.end();
      case LEASES -> LEASES + "|" + orgId;
      default -> "run";
    };
  }
}
