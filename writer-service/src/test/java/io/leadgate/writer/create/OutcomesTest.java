package io.leadgate.writer.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.salesforce.CreateOutcome;
import io.leadgate.salesforce.ExistingRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** What Salesforce answered → what the rep is told, as a table. */
class OutcomesTest {

  private static final String KEY = "email:ada@lovelace.example";
  private static final String LEAD_18 = "00Q000000000001AAA";
  private static final ExistingRecord HOLDER =
      new ExistingRecord("Lead", LEAD_18, "EMAIL:Ada@lovelace.example", "Jane Roe", "jane@x");
  private static final ExistingRecord RULE_MATCH =
      new ExistingRecord("Contact", "003000000000009AAA", null, "Sam Seller", "sam@x");
  private static final Map<String, ExistingRecord> BY_KEY = Map.of(KEY, HOLDER);
  private static final Map<String, ExistingRecord> BY_ID =
      Map.of(RULE_MATCH.id(), RULE_MATCH, LEAD_18, HOLDER);

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(new CreateOutcome.Created(LEAD_18), new Decision.Created(LEAD_18)),
        Arguments.of(
            new CreateOutcome.DuplicateValue("Leadgate_Person_Key__c", "00Q000000000001", "m"),
            new Decision.Duplicate(
                new MatchedRecord("Lead", LEAD_18, "Jane Roe", "jane@x", "personKey", 1.0))),
        Arguments.of(
            new CreateOutcome.DuplicatesDetected(
                "Standard_Rule_for_Leads_with_Duplicate_Contacts",
                List.of(new CreateOutcome.Match("Contact", RULE_MATCH.id(), 100.0))),
            new Decision.Duplicate(
                new MatchedRecord(
                    "Contact", RULE_MATCH.id(), "Sam Seller", "sam@x", "duplicateRule", 1.0))),
        Arguments.of(
            new CreateOutcome.DuplicatesDetected(
                "Standard_Lead_Duplicate_Rule",
                List.of(new CreateOutcome.Match("Lead", "00Q0000000000UNKNOWN", 90.0))),
            new Decision.Duplicate(
                new MatchedRecord(
                    "Lead", "00Q0000000000UNKNOWN", null, null, "duplicateRule", 0.9))),
        Arguments.of(
            new CreateOutcome.DuplicatesDetected("Standard_Lead_Duplicate_Rule", List.of()),
            new Decision.Failed(
                "DUPLICATES_DETECTED: the duplicate rule Standard_Lead_Duplicate_Rule named no"
                    + " record")),
        Arguments.of(
            new CreateOutcome.Rejected(
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", List.of()),
            new Decision.Failed(
                "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]")));
  }

  @ParameterizedTest
  @MethodSource("table")
  void decides(CreateOutcome outcome, Decision expected) {
    assertThat(Outcomes.decide(outcome, "Lead", "Email:Ada@Lovelace.example", BY_KEY, BY_ID))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void mapsDecisionsToStatuses(Decision decision, LeadState state) {
    LeadCleared lead =
        JsonMapper.builder()
            .build()
            .readValue(GoldenSamples.read(GoldenSamples.LEAD_CLEARED), LeadCleared.class);
    Instant now = Instant.parse("2026-11-26T10:00:00Z");

    LeadStatusChanged status = Outcomes.toStatus(lead, decision, now, 0.055);

    assertThat(status.state()).isEqualTo(state);
    assertThat(status.captureId()).isEqualTo(lead.captureId());
    assertThat(status.apiCalls()).isEqualTo(0.055);
    assertThat(status.salesforceId())
        .isEqualTo(decision instanceof Decision.Created c ? c.salesforceId() : null);
    assertThat(status.match())
        .isEqualTo(decision instanceof Decision.Duplicate d ? d.match() : null);
    assertThat(status.reason())
        .isEqualTo(decision instanceof Decision.Failed f ? f.reason() : null);
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(new Decision.Created(LEAD_18), LeadState.CREATED),
        Arguments.of(Outcomes.duplicateOf(HOLDER), LeadState.DUPLICATE),
        Arguments.of(new Decision.Failed("STRING_TOO_LONG: Last Name"), LeadState.FAILED));
  }
}
