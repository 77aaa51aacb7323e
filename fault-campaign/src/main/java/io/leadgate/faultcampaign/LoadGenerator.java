package io.leadgate.faultcampaign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends captures like a fleet of browser extensions: each with a unique capture id, drawn from a
 * small pool of people per team so that concurrent captures of one person are common, to any
 * capture replica. An attempt without an answer (timeout, reset) or with a 503/429 is sent again
 * with the same capture id, to another replica, until a definite answer or the client's patience
 * ends; every answer is recorded.
 */
final class LoadGenerator {

  /** How long a client keeps retrying one capture. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);

  private final List<Team> teams;
  private final Map<String, List<Person>> persons;
  private final List<String> captureUrls;
  private final Random random;
  private final double capturesPerSecond;
  private final Queue<Capture> captures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService clients = Executors.newFixedThreadPool(24);
  private volatile boolean issuing;

  LoadGenerator(
      List<Team> teams,
      Map<String, List<Person>> persons,
      List<String> captureUrls,
      double capturesPerSecond,
      long seed) {
    this.teams = teams;
    this.persons = persons;
    this.captureUrls = captureUrls;
    this.capturesPerSecond = capturesPerSecond;
    this.random = new Random(seed);
  }

  void start() {
    issuing = true;
    long periodMicros = (long) (1_000_000 / capturesPerSecond);
    pacer.scheduleAtFixedRate(this::issue, 0, periodMicros, TimeUnit.MICROSECONDS);
  }

  /** No new captures; those under way keep retrying until answered or out of patience. */
  void stopIssuing() {
    issuing = false;
    pacer.shutdownNow();
  }

  boolean idle() {
    return inFlight.get() == 0;
  }

  void close() {
    clients.shutdownNow();
  }

  List<Capture> captures() {
    return new ArrayList<>(captures);
  }

  private void issue() {
    if (!issuing) {
      return;
    }
    Team team;
    Person person;
    int firstReplica;
    synchronized (random) {
      team = teams.get(random.nextInt(teams.size()));
      List<Person> pool = persons.get(team.teamId());
      person = pool.get(random.nextInt(pool.size()));
      firstReplica = random.nextInt(captureUrls.size());
    }
    Capture capture = new Capture(UUID.randomUUID().toString(), team, person);
    captures.add(capture);
    inFlight.incrementAndGet();
    clients.execute(
        () -> {
          try {
            send(capture, firstReplica);
          } finally {
            inFlight.decrementAndGet();
          }
        });
  }

  private void send(Capture capture, int firstReplica) {
    Instant giveUp = Instant.now().plus(PATIENCE);
    String body = body(capture);
    int attempt = 0;
    while (true) {
      String url = captureUrls.get((firstReplica + attempt) % captureUrls.size());
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + "/api/v1/leads"))
              .timeout(REQUEST_TIMEOUT)
              .header("Authorization", "Bearer " + capture.team().apiKey())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        capture.answered(response.statusCode());
      } catch (HttpTimeoutException e) {
        capture.noAnswer("timeout");
      } catch (IOException e) {
        capture.noAnswer(e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (capture.settled() || Instant.now().isAfter(giveUp)) {
        return;
      }
      attempt++;
      try {
        Thread.sleep(Math.min(3_000, 200L << Math.min(attempt, 4)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String body(Capture capture) {
    Person person = capture.person();
    // Half of the captures spell the e-mail as a person types it: the person key is the same.
    String email =
        capture.captureId().charAt(0) < '8' ? person.email() : person.email().toUpperCase();
    return "{\"captureId\":\""
        + capture.captureId()
        + "\",\"firstName\":\""
        + person.firstName()
        + "\",\"lastName\":\""
        + person.lastName()
        + "\",\"email\":\""
        + email
        + "\",\"company\":\""
        + person.company()
        + "\",\"capturedBy\":\"rep@"
        + capture.team().teamId()
        + ".example\"}";
  }
}
