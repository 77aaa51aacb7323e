package io.leadgate.faultcampaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.LeadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckerTest {

  private static final String ORG = "00D000000000001AAA";
  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

  private static StatusTracker.Status status(LeadState state, String... salesforceIds) {
    Set<LeadState> finals = state.isFinal() ? Set.of(state) : Set.of();
    return new StatusTracker.Status(state, finals, Set.of(salesforceIds), ORG);
  }

  private static Checker.SentCapture sent(String id, String email, Answer answer) {
    return new Checker.SentCapture(id, ORG, email, answer);
  }

  private static Checker.OrgRecord record(String id, String email) {
    return new Checker.OrgRecord(ORG, id, email);
  }

  private static Map<String, Checker.OrgCalls> noCalls() {
    return Map.of(
        ORG, new Checker.OrgCalls(List.of(), 0, List.of(new Checker.CapStep(Instant.MIN, 10))));
  }

  private static long count(List<Checker.Row> rows, String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().count();
  }

  @Test
  void aCleanRunCountsNothing() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.OK), sent("c2", "A@X.example", Answer.OK)),
            Map.of("c1", status(LeadState.CREATED, "00Q1"), "c2", status(LeadState.DUPLICATE)),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(rows).allSatisfy(row -> assertThat(row.count()).as(row.name()).isZero());
  }

  @Test
  void anAcknowledgedCaptureWithoutFinalStateIsLost() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(
                sent("c1", "a@x.example", Answer.OK),
                sent("c2", "a@x.example", Answer.OK),
                sent("c3", "a@x.example", Answer.OK)),
            Map.of("c1", status(LeadState.CREATED, "00Q1"), "c2", status(LeadState.CHECKING)),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(count(rows, "lost leads")).isEqualTo(2);
  }

  @Test
  void aCreatedStatusPointingAtNoRecordOrAPersonWithoutRecordIsLost() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.OK), sent("c2", "b@x.example", Answer.OK)),
            Map.of("c1", status(LeadState.CREATED, "00Q9"), "c2", status(LeadState.DUPLICATE)),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(count(rows, "lost leads")).isEqualTo(2);
  }

  @Test
  void anUnknownAnswerMayOrMayNotHaveBeenTaken() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(
                sent("c1", "a@x.example", Answer.UNKNOWN),
                sent("c2", "b@x.example", Answer.UNKNOWN)),
            Map.of("c1", status(LeadState.CREATED, "00Q1")),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(rows).allSatisfy(row -> assertThat(row.count()).as(row.name()).isZero());
  }

  @Test
  void anUnknownCaptureThatArrivedMustStillFinish() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.UNKNOWN)),
            Map.of("c1", status(LeadState.RECEIVED)),
            List.of(),
            noCalls());

    assertThat(count(rows, "lost leads")).isEqualTo(1);
  }

  @Test
  void extraRecordsOfOnePersonAreDuplicatesWhateverTheEmailCase() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.OK), sent("c2", "a@x.example", Answer.OK)),
            Map.of(
                "c1", status(LeadState.CREATED, "00Q1"), "c2", status(LeadState.CREATED, "00Q2")),
            List.of(
                record("00Q1", "a@x.example"),
                record("00Q2", "A@X.EXAMPLE"),
                record("00Q3", "a@x.example")),
            noCalls());

    assertThat(count(rows, "duplicate records")).isEqualTo(2);
  }

  @Test
  void aRecordNoAcceptedCaptureNamedAndACaptureRefusedButProcessedArePhantoms() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.FAILED)),
            Map.of("c1", status(LeadState.CREATED, "00Q1")),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(count(rows, "phantom records and captures")).isEqualTo(2);
  }

  @Test
  void deferredAtTheEndIsStuckNotLost() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.OK)),
            Map.of("c1", status(LeadState.DEFERRED)),
            List.of(),
            noCalls());

    assertThat(count(rows, "stuck in DEFERRED")).isEqualTo(1);
    assertThat(count(rows, "lost leads")).isZero();
  }

  @Test
  void aFailedFinalStateIsCounted() {
    List<Checker.Row> rows =
        Checker.check(
            List.of(sent("c1", "a@x.example", Answer.OK)),
            Map.of("c1", status(LeadState.FAILED)),
            List.of(record("00Q1", "a@x.example")),
            noCalls());

    assertThat(count(rows, "ended FAILED")).isEqualTo(1);
  }

  @Test
  void callsOverTheCapAreThoseThatTookTheRollingWindowAboveIt() {
    List<Instant> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(T0.plusSeconds(i));
    }
    // A day later the first five have left the window: five more fit again.
    for (int i = 0; i < 6; i++) {
      calls.add(T0.plus(Duration.ofHours(24)).plusSeconds(2 + i));
    }
    Checker.OrgCalls org =
        new Checker.OrgCalls(calls, 1, List.of(new Checker.CapStep(Instant.MIN, 6)));

    // Window at the 7th call (index 6, T0+24h+3s) holds T0+4s.. → 2 calls + 1 background: fine.
    // The last call (index 10, T0+24h+7s) holds 6 calls + 1 background = 7 > 6.
    assertThat(Checker.callsOverCap(org)).containsExactly(10);
  }

  @Test
  void aRaisedCapAppliesFromItsInstantOn() {
    List<Instant> calls = List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    Checker.OrgCalls org =
        new Checker.OrgCalls(
            calls,
            0,
            List.of(
                new Checker.CapStep(Instant.MIN, 2), new Checker.CapStep(T0.plusSeconds(3), 4)));

    assertThat(Checker.callsOverCap(org)).containsExactly(2);
  }
}
