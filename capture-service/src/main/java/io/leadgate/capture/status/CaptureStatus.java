package io.leadgate.capture.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import java.time.Instant;

/**
 * A capture's status as the extension sees it: what happened, and only what the team may know (no
 * org id, no internal counters). {@code match} is present for DUPLICATE as far as the cloud allows
 * (GOLDEN hides details), {@code salesforceId} for CREATED, {@code reason} and {@code
 * nextAttemptAt} for DEFERRED and FAILED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureStatus(
    String captureId,
    LeadState state,
    Cloud cloud,
    MatchedRecord match,
    String salesforceId,
    String reason,
    Instant nextAttemptAt,
    Instant updatedAt) {

  public static CaptureStatus of(LeadStatusChanged event) {
    return new CaptureStatus(
        event.captureId(),
        event.state(),
        event.cloud() == null ? Cloud.BLUE : event.cloud(),
        event.cloud() == Cloud.GOLDEN ? null : event.match(),
        event.salesforceId(),
        event.reason(),
        event.nextAttemptAt(),
        event.occurredAt());
  }
}
