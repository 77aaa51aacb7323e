package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.salesforce.CreateOutcome;
import io.leadgate.salesforce.ExistingRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Pure functions from what Salesforce answered to what the rep is told. */
final class Outcomes {

  static final String MATCHED_ON_PERSON_KEY = "personKey";
  static final String MATCHED_ON_DUPLICATE_RULE = "duplicateRule";

  private Outcomes() {}

  /**
   * The decision for one create outcome.
   *
   * @param byPersonKey existing records by lower-case person key (to resolve DUPLICATE_VALUE)
   * @param byId existing records by 18-character id (to name the owner of a duplicate-rule match)
   */
  static Decision decide(
      CreateOutcome outcome,
      String object,
      String personKey,
      Map<String, ExistingRecord> byPersonKey,
      Map<String, ExistingRecord> byId) {
    if (outcome instanceof CreateOutcome.Created created) {
      return new Decision.Created(created.id());
    }
    if (outcome instanceof CreateOutcome.DuplicateValue duplicate) {
      ExistingRecord existing = byPersonKey.get(keyOf(personKey));
      // The lookup normally finds it; if not, the 15-character id Salesforce named still points
      // at the right record.
      return new Decision.Duplicate(
          existing == null
              ? new MatchedRecord(
                  object, duplicate.existingId(), null, null, MATCHED_ON_PERSON_KEY, 1.0)
              : matched(existing, MATCHED_ON_PERSON_KEY, 1.0));
    }
    if (outcome instanceof CreateOutcome.DuplicatesDetected detected) {
      if (detected.matches().isEmpty()) {
        return new Decision.Failed(
            "DUPLICATES_DETECTED: the duplicate rule " + detected.rule() + " named no record");
      }
      CreateOutcome.Match match = detected.matches().get(0);
      ExistingRecord existing = byId.get(match.id());
      // Salesforce reports confidence in percent; Leadgate's matches use 0..1.
      double confidence = match.confidence() > 1 ? match.confidence() / 100 : match.confidence();
      return new Decision.Duplicate(
          new MatchedRecord(
              match.object(),
              existing == null ? match.id() : existing.id(),
              existing == null ? null : existing.ownerName(),
              existing == null ? null : existing.ownerEmail(),
              MATCHED_ON_DUPLICATE_RULE,
              confidence));
    }
    CreateOutcome.Rejected rejected = (CreateOutcome.Rejected) outcome;
    return new Decision.Failed(rejected.statusCode() + ": " + rejected.message());
  }

  /** A capture of a person whose record this batch made or found. */
  static Decision duplicateOf(ExistingRecord existing) {
    return new Decision.Duplicate(matched(existing, MATCHED_ON_PERSON_KEY, 1.0));
  }

  static LeadStatusChanged toStatus(
      LeadCleared lead, Decision decision, Instant now, double apiCalls) {
    LeadStatusChanged status;
    if (decision instanceof Decision.Created created) {
      status = base(lead, LeadState.CREATED, now).withSalesforceId(created.salesforceId());
    } else if (decision instanceof Decision.Duplicate duplicate) {
      status = base(lead, LeadState.DUPLICATE, now).withMatch(duplicate.match());
    } else {
      status =
          base(lead, LeadState.FAILED, now).withReason(((Decision.Failed) decision).reason(), null);
    }
    return status.withApiCalls(apiCalls);
  }

  static LeadStatusChanged deferred(LeadCleared lead, String reason, Instant now, Instant next) {
    return base(lead, LeadState.DEFERRED, now)
        .withReason(reason, next)
        .withApiCalls(lead.checkCalls());
  }

  /** Person keys are compared as the external-id field does: ignoring case. */
  static String keyOf(String personKey) {
    return personKey.toLowerCase(Locale.ROOT);
  }

  private static MatchedRecord matched(ExistingRecord existing, String on, double confidence) {
    return new MatchedRecord(
        existing.object(),
        existing.id(),
        existing.ownerName(),
        existing.ownerEmail(),
        on,
        confidence);
  }

  private static LeadStatusChanged base(LeadCleared lead, LeadState state, Instant now) {
    return LeadStatusChanged.of(lead.captureId(), lead.teamId(), lead.orgId(), state, now);
  }
}
