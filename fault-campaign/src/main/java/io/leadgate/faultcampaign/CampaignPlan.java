package io.leadgate.faultcampaign;

import java.time.Duration;
import java.util.Locale;

/**
 * How big a campaign is: how long the nemesis runs, how often it strikes, how much load runs
 * meanwhile, and how long the system gets to settle before the checker looks.
 *
 * @param name ci, full or soak
 * @param chaos how long load and nemesis run together at least
 * @param killEvery mean time between two kill -9 of a service instance
 * @param minKills the chaos goes on past {@code chaos} (up to three times as long) until the
 *     nemesis has killed this many instances, since a kill only lands on an instance that is
 *     serving and how many are depends on how fast restarts are on the machine
 * @param brokerRestarts how many times the broker is killed and restarted during the chaos
 * @param pauses how many times a consumer is stopped (SIGSTOP) past its session timeout
 * @param faultEvery mean time between two Salesforce fault episodes (per org, drawn at random)
 * @param capturesPerSecond the load's target rate over all teams
 * @param personsPerTeam the pool each team's captures are drawn from
 * @param quiesceTimeout how long the settled system may take to give every capture its final state
 * @param seed the nemesis' and the load's random seed
 */
public record CampaignPlan(
    String name,
    Duration chaos,
    Duration killEvery,
    int minKills,
    int brokerRestarts,
    int pauses,
    Duration faultEvery,
    double capturesPerSecond,
    int personsPerTeam,
    Duration quiesceTimeout,
    long seed) {

  /** The consumer session timeout of Kafka's clients (45 s); a pause lasts a little longer. */
  public static final Duration PAUSE = Duration.ofSeconds(52);

  /** The longest the chaos may last while it waits for {@code minKills}. */
  public Duration maxChaos() {
    return chaos.multipliedBy(3);
  }

  public static CampaignPlan named(String name, long seed) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ci" ->
          new CampaignPlan(
              "ci",
              Duration.ofSeconds(150),
              Duration.ofMillis(1_200),
              100,
              1,
              1,
              Duration.ofSeconds(12),
              12,
              17,
              Duration.ofSeconds(150),
              seed);
      case "full" ->
          new CampaignPlan(
              "full",
              Duration.ofSeconds(330),
              Duration.ofMillis(2_500),
              100,
              3,
              3,
              Duration.ofSeconds(10),
              12,
              17,
              Duration.ofSeconds(240),
              seed);
      case "soak" ->
          new CampaignPlan(
              "soak",
              Duration.ofHours(2),
              Duration.ofSeconds(6),
              0,
              40,
              40,
              Duration.ofSeconds(20),
              8,
              17,
              Duration.ofSeconds(300),
              seed);
      default -> throw new IllegalArgumentException("unknown campaign size " + name);
    };
  }
}
