package io.leadgate.budget.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final String ORG = "org-a";

  /** "capture:STATE@second[:calls]" in order; the view is taken at T0 + 5 minutes. */
  static Stream<Arguments> backlogAndCalls() {
    return Stream.of(
        // events                                              backlog, decided, calls per lead
        Arguments.of("a:RECEIVED@0 a:CHECKING@1 a:CREATED@2:0.5", 0, 1, 0.5),
        Arguments.of("a:RECEIVED@0 a:DEFERRED@1", 1, 0, 0.0),
        Arguments.of("a:DEFERRED@1 a:DEFERRED@31", 1, 0, 0.0),
        Arguments.of("a:DEFERRED@1 a:CHECKING@31", 0, 0, 0.0),
        Arguments.of("a:DEFERRED@1 b:DEFERRED@2 a:DUPLICATE@40:0.01", 1, 1, 0.01),
        Arguments.of("a:CREATED@0:1 b:DUPLICATE@1:0 c:FAILED@2:0.5", 0, 3, 0.5),
        // older than the 15-minute window: no longer counted in calls per lead
        Arguments.of("a:CREATED@-1200:3 b:CREATED@0:1", 0, 1, 1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backlogAndCalls")
  void foldsTheBacklogAndCallsPerLead(
      String events, long backlog, long decided, double callsPerLead) {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 10);
    apply(dashboard, events);

    Dashboard.OrgView view = dashboard.view(ORG, T0.plusSeconds(300));

    assertThat(view.deferredBacklog()).isEqualTo(backlog);
    assertThat(view.decided()).isEqualTo(decided);
    assertThat(view.callsPerLead())
        .isCloseTo(callsPerLead, org.assertj.core.data.Offset.offset(1e-9));
  }

  static Stream<Arguments> perMinute() {
    return Stream.of(
        // events, state, counts of the last three minutes (view at T0 + 2 min)
        Arguments.of("a:RECEIVED@0 b:RECEIVED@30 c:RECEIVED@70", LeadState.RECEIVED, "2,1,0"),
        Arguments.of("a:CREATED@0 b:DUPLICATE@61 c:CREATED@125", LeadState.CREATED, "1,0,1"),
        Arguments.of("a:CHECKING@0 b:CHECKING@61", LeadState.CREATED, "0,0,0"),
        Arguments.of("a:DEFERRED@0 a:DEFERRED@30 a:DEFERRED@90", LeadState.DEFERRED, "2,1,0"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("perMinute")
  void countsEachStatePerMinuteOfTheWindow(String events, LeadState state, String lastThree) {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 10);
    apply(dashboard, events);

    List<Dashboard.Minute> minutes = dashboard.view(ORG, T0.plusSeconds(120)).minutes();

    assertThat(minutes).hasSize(15);
    assertThat(minutes.get(14).minute()).isEqualTo(T0.plusSeconds(120));
    List<Long> counts = minutes.subList(12, 15).stream().map(m -> m.counts().get(state)).toList();
    assertThat(counts)
        .containsExactlyElementsOf(Arrays.stream(lastThree.split(",")).map(Long::valueOf).toList());
  }

  static Stream<Arguments> budgets() {
    return Stream.of(
        // mode, observed, outstanding -> cloud, usage
        Arguments.of(BudgetMode.BLUE, 100, 20, Cloud.BLUE, 120),
        Arguments.of(BudgetMode.GOLDEN, 6_500, 0, Cloud.GOLDEN, 6_500),
        Arguments.of(BudgetMode.EXHAUSTED, 7_400, 100, Cloud.GOLDEN, 7_500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("budgets")
  void theBudgetGaugeShowsUsageAgainstCapAndLimitWithTheCloud(
      BudgetMode mode, long observed, long outstanding, Cloud cloud, long usage) {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 10);
    dashboard.on(new BudgetStatusChanged(1, ORG, mode, 15_000, observed, outstanding, 7_500, T0));

    Dashboard.BudgetView budget = dashboard.view(ORG, T0).budget();

    assertThat(budget.cloud()).isEqualTo(cloud);
    assertThat(budget.usage()).isEqualTo(usage);
    assertThat(budget.cap()).isEqualTo(7_500);
    assertThat(budget.limit()).isEqualTo(15_000);
  }

  @Test
  void anOlderBudgetNeverReplacesANewerOne() {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 10);
    dashboard.on(new BudgetStatusChanged(1, ORG, BudgetMode.GOLDEN, 15_000, 6_500, 0, 7_500, T0));
    dashboard.on(
        new BudgetStatusChanged(
            1, ORG, BudgetMode.BLUE, 15_000, 10, 0, 7_500, T0.minusSeconds(30)));

    assertThat(dashboard.view(ORG, T0).budget().mode()).isEqualTo(BudgetMode.GOLDEN);
  }

  @Test
  void keepsTheLatestDuplicatesNewestFirstWithTheirOwners() {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 2);
    for (int i = 0; i < 3; i++) {
      dashboard.on(
          status("c" + i, LeadState.DUPLICATE, T0.plusSeconds(i), 0)
              .withMatch(
                  new MatchedRecord(
                      "Lead", "00Q" + i, "Owner " + i, "o" + i + "@x.example", "email", 1.0)));
    }

    List<Dashboard.DuplicateView> latest = dashboard.view(ORG, T0).latestDuplicates();

    assertThat(latest).extracting(Dashboard.DuplicateView::captureId).containsExactly("c2", "c1");
    assertThat(latest.get(0).match().ownerName()).isEqualTo("Owner 2");
  }

  @Test
  void oneOrgsEventsNeverShowInAnothersView() {
    Dashboard dashboard = new Dashboard(Duration.ofMinutes(15), 10);
    dashboard.on(status("a", LeadState.DEFERRED, T0, 0));
    dashboard.on(
        status("b", LeadState.DUPLICATE, T0, 0)
            .withMatch(new MatchedRecord("Lead", "00Q1", "Jane", "j@x.example", "email", 1)));

    Dashboard.OrgView other = dashboard.view("org-b", T0);

    assertThat(other.deferredBacklog()).isZero();
    assertThat(other.latestDuplicates()).isEmpty();
    assertThat(other.budget()).isNull();
    assertThat(dashboard.version("org-b")).isZero();
    assertThat(dashboard.version(ORG)).isEqualTo(2);
  }

  private static void apply(Dashboard dashboard, String events) {
    for (String event : events.split(" ")) {
      String[] parts = event.split("[:@]");
      double calls = parts.length > 3 ? Double.parseDouble(parts[3]) : 0;
      dashboard.on(
          status(
              parts[0],
              LeadState.valueOf(parts[1]),
              T0.plusSeconds(Long.parseLong(parts[2])),
              calls));
    }
  }

  private static LeadStatusChanged status(String id, LeadState state, Instant at, double calls) {
    LeadStatusChanged status = LeadStatusChanged.of(id, "team-a", ORG, state, at);
    if (state == LeadState.DEFERRED) {
      status = status.withReason("at the cap", at.plusSeconds(30));
    }
    return status.withApiCalls(calls);
  }
}
