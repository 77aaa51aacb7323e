package io.leadgate.faultcampaign;

import io.leadgate.contracts.LeadState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One fault campaign: start Leadgate as processes, run load and the nemesis together, let the
 * system settle with every fault off and every instance up, then check and print the verdict.
 *
 * <pre>
 * java -cp … io.leadgate.faultcampaign.FaultCampaign ci|full|soak [seed]
 *     -Dfault-campaign.services=dir-with-exec-jars -Dfault-campaign.work=dir
 * </pre>
 *
 * Exits 0 when every count of the verdict is zero, 1 otherwise.
 */
public final class FaultCampaign {

  /** The verdict rows and the trial counts they were measured over. */
  public record Result(List<Checker.Row> rows, Map<String, Object> trials, Duration took) {

    public boolean clean() {
      return rows.stream().allMatch(row -> row.count() == 0);
    }

    public long count(String row) {
      return rows.stream().filter(r -> r.name().equals(row)).mapToLong(Checker.Row::count).sum();
    }

    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format("%n%-30s %8s   %s%n", "check", "count", "over"));
      for (Checker.Row row : rows) {
        out.append(String.format("%-30s %8d   %s%n", row.name(), row.count(), row.over()));
        row.examples().stream()
            .limit(5)
            .forEach(e -> out.append("      e.g. ").append(e).append('\n'));
      }
      out.append(String.format("%ntrials:%n"));
      trials.forEach((name, value) -> out.append(String.format("  %-34s %s%n", name, value)));
      out.append(
          String.format(
              "took %d s; verdict: %s%n", took.toSeconds(), clean() ? "PASS (all zero)" : "FAIL"));
      return out.toString();
    }
  }

  private FaultCampaign() {}

  public static void main(String[] args) {
    String size = args.length > 0 ? args[0] : "ci";
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
    Path services =
        Path.of(System.getProperty("fault-campaign.services", "fault-campaign/target/services"));
    Path work =
        Path.of(
            System.getProperty("fault-campaign.work", "fault-campaign/target/campaign-" + size));
    Result result = run(CampaignPlan.named(size, seed), services, work);
    System.out.print(result.table());
    try {
      Files.writeString(work.resolve("verdict.txt"), result.table());
    } catch (IOException e) {
      Log.info("could not write the verdict: " + e);
    }
    System.exit(result.clean() ? 0 : 1);
  }

  public static Result run(CampaignPlan plan, Path services, Path work) {
    Instant began = Instant.now();
    Log.info(
        "campaign "
            + plan.name()
            + ", seed "
            + plan.seed()
            + ", work directory "
            + work.toAbsolutePath());
    Path cache = services.resolveSibling("cds-cache");
    try {
      ServiceImage.deleteTree(work);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (Stack stack = Stack.start(work, services, cache)) {
      Log.info("stack up after " + Duration.between(began, Instant.now()).toSeconds() + " s");
      return exercise(plan, stack, began);
    }
  }

  private static Result exercise(CampaignPlan plan, Stack stack, Instant began) {
    Map<String, List<Person>> persons = new HashMap<>();
    for (Team team : stack.teams) {
      persons.put(team.teamId(), Person.pool(team.teamId(), plan.personsPerTeam()));
    }
    List<String> captureUrls =
        stack.instances(ServiceKind.CAPTURE).stream().map(ServiceInstance::url).toList();
    Map<String, List<Checker.CapStep>> caps = new HashMap<>();
    for (Team team : stack.teams) {
      caps.put(
          team.orgId(),
          new ArrayList<>(
              List.of(new Checker.CapStep(Instant.MIN, team.capCalls(team.initialCapPercent())))));
    }
    try (StatusTracker tracker = new StatusTracker(stack.broker.bootstrapServers());
        CallLogRecorder callLog =
            new CallLogRecorder(stack.teams.stream().map(Team::org).toList())) {
      LoadGenerator load =
          new LoadGenerator(
              stack.teams, persons, captureUrls, plan.capturesPerSecond(), plan.seed());
      Nemesis nemesis = new Nemesis(stack, plan);
      Log.info(
          "load and nemesis for "
              + plan.chaos().toSeconds()
              + " s, longer until "
              + plan.minKills()
              + " kills");
      Instant chaosStart = Instant.now();
      load.start();
      nemesis.start();
      Awaitility.await("the chaos phase")
          .atMost(plan.maxChaos().plusSeconds(10))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                Instant now = Instant.now();
                return !now.isBefore(chaosStart.plus(plan.maxChaos()))
                    || (!now.isBefore(chaosStart.plus(plan.chaos()))
                        && nemesis.kills() >= plan.minKills());
              });
      load.stopIssuing();
      nemesis.stop();
      Instant quiet = Instant.now();
      Log.info("quiescing: faults off, every instance up");
      try {
        stack.awaitAllReady(plan.quiesceTimeout());
      } catch (ConditionTimeoutException e) {
        Log.info(
            "not ready after "
                + plan.quiesceTimeout().toSeconds()
                + " s: "
                + stack.instances.stream()
                    .filter(i -> !i.ready())
                    .map(ServiceInstance::name)
                    .toList());
      }
      for (Team team : stack.teams) {
        if (team.settledCapPercent() != team.initialCapPercent()) {
          // The window of a capped org frees up only after 24 hours; the campaign cannot wait
          // that long, so the org gets a larger daily limit (as when licences are bought) and the
          // admin raises the cap. What the cap held back must then be created.
          Instant from = Instant.now();
          team.org().updateLimits(Stack.SETTLED_LIMIT, null, null);
          setCap(stack, team, team.settledCapPercent());
          caps.get(team.orgId())
              .add(new Checker.CapStep(from, Stack.SETTLED_LIMIT * team.settledCapPercent() / 100));
        }
      }
      Awaitility.await("clients done retrying")
          .atMost(LoadGenerator.PATIENCE.plusSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(load::idle);
      List<Capture> captures = load.captures();
      try {
        Awaitility.await("a final state for every accepted capture")
            .atMost(plan.quiesceTimeout())
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> captures.stream().allMatch(capture -> settled(capture, tracker)));
      } catch (ConditionTimeoutException e) {
        Log.info(
            "not every capture reached a final state in "
                + plan.quiesceTimeout().toSeconds()
                + " s");
      }
      Log.info(
          "settled "
              + Duration.between(quiet, Instant.now()).toSeconds()
              + " s after the nemesis stopped");
      callLog.poll();

      List<Checker.SentCapture> sent =
          captures.stream()
              .map(
                  c ->
                      new Checker.SentCapture(
                          c.captureId(), c.team().orgId(), c.person().emailKey(), c.answer()))
              .toList();
      List<Checker.OrgRecord> records = new ArrayList<>();
      Map<String, Checker.OrgCalls> calls = new HashMap<>();
      for (Team team : stack.teams) {
        for (String type : List.of("Lead", "Contact")) {
          for (Map<String, Object> record : team.org().records(type)) {
            records.add(
                new Checker.OrgRecord(
                    team.orgId(), (String) record.get("Id"), (String) record.get("Email")));
          }
        }
        calls.put(
            team.orgId(),
            new Checker.OrgCalls(
                callLog.countedCalls(team.orgId()),
                team.org().apiUsage().backgroundUsage(),
                caps.get(team.orgId())));
      }
      List<Checker.Row> rows = Checker.check(sent, tracker.snapshot(), records, calls);
      writeLedger(stack.work, captures, tracker);
      Map<String, Object> trials = new java.util.LinkedHashMap<>();
      Map<Answer, Long> answers = new EnumMap<>(Answer.class);
      captures.forEach(c -> answers.merge(c.answer(), 1L, Long::sum));
      trials.put("captures sent", captures.size());
      trials.put("client answers", answers);
      trials.put("HTTP attempts", captures.stream().mapToInt(Capture::attemptCount).sum());
      trials.put("persons (teams x pool)", stack.teams.size() + " x " + plan.personsPerTeam());
      trials.put(
          "final states",
          tracker.snapshot().values().stream()
              .collect(
                  Collectors.groupingBy(
                      s -> String.valueOf(s.latest()),
                      java.util.TreeMap::new,
                      Collectors.counting())));
      trials.put("DEFERRED events seen", tracker.deferrals());
      trials.put("kills (-9) of service instances", nemesis.kills());
      trials.put("  by instance", nemesis.killsByInstance());
      trials.put("broker kill -9 and restarts", nemesis.brokerRestarts());
      trials.put("instances that exited by themselves", nemesis.selfExits());
      trials.put("consumer pauses past session timeout", nemesis.pauses());
      trials.put("Salesforce fault episodes", nemesis.faults());
      trials.put(
          "Salesforce calls (counted/cap) per team",
          stack.teams.stream()
              .map(
                  t ->
                      t.teamId()
                          + " "
                          + calls.get(t.orgId()).counted().size()
                          + "/"
                          + t.capCalls(t.initialCapPercent()))
              .collect(Collectors.joining(", ")));
      trials.put("seed", plan.seed());
      load.close();
      return new Result(rows, trials, Duration.between(began, Instant.now()));
    }
  }

  /** Every capture with its answers and its status, for reading a failed verdict afterwards. */
  private static void writeLedger(Path work, List<Capture> captures, StatusTracker tracker) {
    StringBuilder tsv =
        new StringBuilder(
            "captureId\tteam\temail\tanswer\tattempts\tlatest\tfinals\tsalesforceIds\n");
    for (Capture capture : captures) {
      StatusTracker.Status status = tracker.status(capture.captureId());
      tsv.append(capture.captureId())
          .append('\t')
          .append(capture.team().teamId())
          .append('\t')
          .append(capture.person().email())
          .append('\t')
          .append(capture.answer())
          .append('\t')
          .append(capture.attempts())
          .append('\t')
          .append(status == null ? "-" : status.latest())
          .append('\t')
          .append(status == null ? "-" : status.finals())
          .append('\t')
          .append(status == null ? "-" : status.salesforceIds())
          .append('\n');
    }
    try {
      Files.writeString(work.resolve("captures.tsv"), tsv);
    } catch (IOException e) {
      Log.info("could not write the capture ledger: " + e);
    }
  }

  private static boolean settled(Capture capture, StatusTracker tracker) {
    StatusTracker.Status status = tracker.status(capture.captureId());
    if (status == null) {
      return capture.answer() != Answer.OK;
    }
    return status.isFinal() && status.latest() != LeadState.DEFERRED;
  }

  /** The team's admin changes the cap; the answer's instant is when the new cap may apply. */
  private static Instant setCap(Stack stack, Team team, int capPercent) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String body =
        "{\"capPercent\":"
            + capPercent
            + ",\"goldenPercent\":80,\"pacing\":\"OFF\",\"reserveCalls\":0}";
    Instant before = Instant.now();
    Awaitility.await("cap of " + team.teamId() + " set to " + capPercent + "%")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  stack.budget().url()
                                      + "/api/v1/orgs/"
                                      + team.orgId()
                                      + "/budget"))
                          .timeout(Duration.ofSeconds(10))
                          .header("Authorization", "Bearer " + team.adminKey())
                          .header("Content-Type", "application/json")
                          .PUT(HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() / 100 != 2) {
                Log.info("cap change answered " + response.statusCode() + " " + response.body());
              }
              return response.statusCode() / 100 == 2;
            });
    Log.info("cap of " + team.teamId() + " is now " + capPercent + "%");
    return before;
  }
}
