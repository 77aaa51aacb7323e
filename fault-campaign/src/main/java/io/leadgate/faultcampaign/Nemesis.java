package io.leadgate.faultcampaign;

import io.leadgate.emulator.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Breaks things on a seeded schedule paced by the wall clock: kill -9 of a random service instance
 * (restarted at once, as a supervisor would, so kills land while others are still starting), kill
 * -9 and restart of the broker, SIGSTOP of a consumer past its session timeout, and Salesforce
 * faults on a random org for a few seconds each: latency, 5xx, dropped connections, commit then
 * time out, session expiry, REQUEST_LIMIT_EXCEEDED.
 */
final class Nemesis {

  enum Fault {
    LATENCY,
    HTTP_5XX,
    DROPPED_CONNECTIONS,
    COMMIT_THEN_TIMEOUT,
    SESSION_EXPIRY,
    REQUEST_LIMIT_EXCEEDED
  }

  /** Budget-service forgets nothing, but grants nothing for a lease duration after a crash. */
  private static final Duration BUDGET_KILL_SPACING = Duration.ofSeconds(60);

  private final Stack stack;
  private final CampaignPlan plan;
  private final Random random;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final Map<String, Integer> kills = new TreeMap<>();
  private final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
  private final Set<String> faultyOrgs = ConcurrentHashMap.newKeySet();
  private final List<String> journal = new ArrayList<>();
  private int brokerRestarts;
  private int selfExits;
  private int pausesDone;
  private Instant lastBudgetKill = Instant.MIN;
  private volatile boolean running;

  Nemesis(Stack stack, CampaignPlan plan) {
    this.stack = stack;
    this.plan = plan;
    this.random = new Random(plan.seed());
  }

  void start() {
    running = true;
    long chaosMillis = plan.chaos().toMillis();
    scheduleKill(Duration.ofSeconds(3).toMillis());
    scheduleFault(Duration.ofSeconds(2).toMillis());
    for (int i = 1; i <= plan.brokerRestarts(); i++) {
      scheduler.schedule(
          this::restartBroker,
          chaosMillis * i / (plan.brokerRestarts() + 1),
          TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < plan.pauses(); i++) {
      // Early enough that the pause ends inside the chaos phase.
      long spare = Math.max(1_000, chaosMillis - CampaignPlan.PAUSE.toMillis() - 5_000);
      scheduler.schedule(
          this::pauseConsumer, spare * (2L * i + 1) / (2L * plan.pauses()), TimeUnit.MILLISECONDS);
    }
  }

  private void scheduleKill(long delayMillis) {
    scheduler.schedule(
        () -> {
          if (!running) {
            return;
          }
          safely("kill", this::killOne);
          scheduleKill(jitter(plan.killEvery()));
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  private void scheduleFault(long delayMillis) {
    scheduler.schedule(
        () -> {
          if (!running) {
            return;
          }
          safely("fault", this::faultEpisode);
          scheduleFault(jitter(plan.faultEvery()));
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  private long jitter(Duration mean) {
    synchronized (random) {
      return (long) (mean.toMillis() * (0.5 + random.nextDouble()));
    }
  }

  private void killOne() {
    List<ServiceInstance> candidates = new ArrayList<>();
    for (ServiceInstance instance : stack.instances) {
      if (!instance.alive()) {
        // A supervisor's restart policy: a service may give up on its own (budget-service stops
        // when it cannot read its state from Kafka within its start timeout).
        note(instance.name() + " had exited by itself; restarting it");
        record(() -> selfExits++);
        instance.start();
        continue;
      }
      if (instance.paused()) {
        continue;
      }
      if (instance.kind() == ServiceKind.BUDGET
          && Instant.now().isBefore(lastBudgetKill.plus(BUDGET_KILL_SPACING))) {
        continue;
      }
      candidates.add(instance);
    }
    ServiceInstance victim;
    synchronized (random) {
      Collections.shuffle(candidates, random);
    }
    // A kill lands on an instance that serves: one still starting has nothing in flight to lose.
    victim = candidates.stream().filter(ServiceInstance::live).findFirst().orElse(null);
    if (victim == null) {
      return;
    }
    victim.kill();
    if (victim.kind() == ServiceKind.BUDGET) {
      lastBudgetKill = Instant.now();
    }
    record(() -> kills.merge(victim.name(), 1, Integer::sum));
    note("kill -9 " + victim.name());
    victim.start();
  }

  private void restartBroker() {
    if (!running) {
      return;
    }
    safely(
        "broker restart",
        () -> {
          note("kill -9 the broker");
          stack.broker.crashAndRestart();
          record(() -> brokerRestarts++);
          note("broker back");
        });
  }

  private void pauseConsumer() {
    if (!running) {
      return;
    }
    safely(
        "pause",
        () -> {
          List<ServiceInstance> consumers = new ArrayList<>();
          consumers.addAll(stack.instances(ServiceKind.DEDUP));
          consumers.addAll(stack.instances(ServiceKind.WRITER));
          consumers.removeIf(instance -> !instance.alive() || instance.paused());
          if (consumers.isEmpty()) {
            return;
          }
          ServiceInstance victim;
          synchronized (random) {
            victim = consumers.get(random.nextInt(consumers.size()));
          }
          victim.pause();
          record(() -> pausesDone++);
          note("SIGSTOP " + victim.name() + " for " + CampaignPlan.PAUSE.toSeconds() + " s");
          scheduler.schedule(
              () -> {
                victim.resume();
                note("SIGCONT " + victim.name());
              },
              CampaignPlan.PAUSE.toMillis(),
              TimeUnit.MILLISECONDS);
        });
  }

  private void faultEpisode() {
    List<Team> teams = new ArrayList<>(stack.teams);
    teams.removeIf(team -> faultyOrgs.contains(team.orgId()));
    if (teams.isEmpty()) {
      return;
    }
    Team team;
    Fault fault;
    long seconds;
    long seed;
    synchronized (random) {
      team = teams.get(random.nextInt(teams.size()));
      fault = Fault.values()[random.nextInt(Fault.values().length)];
      seconds = 5 + random.nextInt(8);
      seed = random.nextLong();
    }
    var org = team.org();
    switch (fault) {
      case LATENCY ->
          org.setFaults(
              FaultSpec.none()
                  .withLatency(Duration.ofMillis(200), Duration.ofMillis(2_500))
                  .withSeed(seed));
      case HTTP_5XX -> org.setFaults(FaultSpec.none().withHttp5xxRate(0.4).withSeed(seed));
      case DROPPED_CONNECTIONS ->
          org.setFaults(FaultSpec.none().withDropConnectionRate(0.3).withSeed(seed));
      case COMMIT_THEN_TIMEOUT ->
          // Longer than the writer's 30 s read timeout: the record exists, the answer is lost.
          org.setFaults(
              FaultSpec.none()
                  .withCommitThenTimeout(0.6, Duration.ofSeconds(35))
                  .withOperations(FaultSpec.WRITE_OPERATIONS)
                  .withSeed(seed));
      case SESSION_EXPIRY -> org.expireSessions();
      case REQUEST_LIMIT_EXCEEDED -> org.updateLimits(null, null, 1e-9);
    }
    record(() -> faults.merge(fault, 1, Integer::sum));
    note(
        fault
            + " on "
            + team.teamId()
            + (fault == Fault.SESSION_EXPIRY ? "" : " for " + seconds + " s"));
    if (fault == Fault.SESSION_EXPIRY) {
      return;
    }
    faultyOrgs.add(team.orgId());
    scheduler.schedule(
        () -> {
          clearFaults(team);
          faultyOrgs.remove(team.orgId());
        },
        seconds,
        TimeUnit.SECONDS);
  }

  private static void clearFaults(Team team) {
    team.org().clearFaults();
    team.org().updateLimits(null, null, 1.0);
  }

  /** Stops striking, turns every fault off, continues paused processes and restarts dead ones. */
  void stop() {
    running = false;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stack.teams.forEach(Nemesis::clearFaults);
    faultyOrgs.clear();
    for (ServiceInstance instance : stack.instances) {
      instance.resume();
      if (!instance.alive()) {
        note("restarting " + instance.name() + ", which had exited");
        instance.start();
      }
    }
  }

  private void safely(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      note(what + " failed: " + e);
    }
  }

  private synchronized void record(Runnable update) {
    update.run();
  }

  private synchronized void note(String line) {
    journal.add(line);
    Log.info("nemesis: " + line);
  }

  synchronized int kills() {
    return kills.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized Map<String, Integer> killsByInstance() {
    return new TreeMap<>(kills);
  }

  synchronized int brokerRestarts() {
    return brokerRestarts;
  }

  synchronized int selfExits() {
    return selfExits;
  }

  synchronized int pauses() {
    return pausesDone;
  }

  synchronized Map<Fault, Integer> faults() {
    return new EnumMap<>(faults);
  }
}
