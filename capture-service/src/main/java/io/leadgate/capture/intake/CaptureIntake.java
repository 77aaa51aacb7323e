package io.leadgate.capture.intake;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.capture.ratelimit.RateLimiter;
import io.leadgate.capture.status.StatusQueries;
import io.leadgate.capture.status.StatusView;
import io.leadgate.capture.status.ViewUnavailableException;
import io.leadgate.capture.web.Callers;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Accepts captures: validates them, keys them by the person they name, and answers only once Kafka
 * has acknowledged them (acks=all), so an accepted capture is never lost and a refused one is never
 * written.
 *
 * <p>A client's captureId is an idempotency key. Before anything is written the id is looked up in
 * the status view, caught up with the end of the id's partition of leads.status if it is not there
 * (so a capture another replica accepted, or this one before a restart, is found; a batch catches
 * up once for all its ids); concurrent requests with one id on this replica share one write. The
 * same id again gets the same answer; another team's id is refused.
 */
@Service
public class CaptureIntake {

  private final CapturePublisher publisher;
  private final StatusView view;
  private final StatusQueries queries;
  private final RateLimiter rateLimiter;
  private final CaptureValidator validator;
  private final CaptureProperties properties;
  private final Clock clock;
  private final Map<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();

  CaptureIntake(
      CapturePublisher publisher,
      StatusView view,
      StatusQueries queries,
      RateLimiter rateLimiter,
      Validator validator,
      CaptureProperties properties,
      Clock clock) {
    this.publisher = publisher;
    this.view = view;
    this.queries = queries;
    this.rateLimiter = rateLimiter;
    this.properties = properties;
    this.clock = clock;
    this.validator =
        new CaptureValidator(
            validator,
            new IdentityNormalizer(
                new IdentityPolicy(properties.phoneRegion(), properties.foldPlusTags())));
  }

  /** What became of one capture. */
  sealed interface Result {}

  record Accepted(CaptureAccepted answer) implements Result {}

  record Invalid(List<FieldProblem> problems) implements Result {}

  record Conflict() implements Result {}

  record Unavailable() implements Result {}

  /** One capture: 202 or an exception the API maps to its problem. */
  public CaptureAccepted accept(Caller caller, CaptureRequest request) {
    Result result = process(Callers.team(caller), List.of(request)).get(0);
    if (result instanceof Accepted accepted) {
      return accepted.answer();
    }
    if (result instanceof Invalid invalid) {
      throw new InvalidCaptureException(invalid.problems());
    }
    if (result instanceof Conflict) {
      throw new CaptureIdConflictException();
    }
    throw new KafkaUnavailableException("Kafka did not acknowledge the capture in time");
  }

  /**
   * A prospect list: each capture is answered on its own. It costs the key one token per capture.
   * When Kafka is unavailable for all of it, the whole batch is answered 503.
   */
  public BatchResult acceptBatch(Caller caller, CaptureBatch batch) {
    Tenant tenant = Callers.team(caller);
    List<FieldProblem> shape = new ArrayList<>();
    batch.unknown().keySet().stream()
        .sorted()
        .forEach(f -> shape.add(new FieldProblem(f, "unknown field")));
    if (batch.captures() == null || batch.captures().isEmpty()) {
      shape.add(
          new FieldProblem("captures", "send 1 to " + properties.maxBatchSize() + " captures"));
    } else if (batch.captures().size() > properties.maxBatchSize()) {
      shape.add(
          new FieldProblem(
              "captures", "at most " + properties.maxBatchSize() + " captures per batch"));
    }
    if (!shape.isEmpty()) {
      throw new InvalidCaptureException(shape);
    }
    rateLimiter.take(caller, batch.captures().size() - 1);
    List<Result> results = process(tenant, batch.captures());
    if (results.stream().allMatch(r -> r instanceof Unavailable)) {
      throw new KafkaUnavailableException("Kafka did not acknowledge the batch in time");
    }
    List<BatchResult.Item> items = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      UUID id = batch.captures().get(i) == null ? null : batch.captures().get(i).captureId();
      String captureId = id == null ? null : id.toString();
      if (result instanceof Accepted a) {
        accepted++;
        items.add(BatchResult.Item.accepted(i, a.answer()));
      } else if (result instanceof Invalid invalid) {
        items.add(
            BatchResult.Item.failed(i, 400, captureId, "invalid capture", invalid.problems()));
      } else if (result instanceof Conflict) {
        items.add(
            BatchResult.Item.failed(
                i, 409, captureId, "captureId in use; generate a new one", null));
      } else {
        items.add(
            BatchResult.Item.failed(
                i, 503, captureId, "not accepted; send it again shortly", null));
      }
    }
    return new BatchResult(accepted, results.size() - accepted, items);
  }

  private List<Result> process(Tenant tenant, List<CaptureRequest> requests) {
    Result[] results = new Result[requests.size()];
    // Asked before validating, so the end offsets are on their way while this thread validates.
    CompletableFuture<Void> catchUp = askCatchUp(requests);
    List<CaptureValidator.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      CaptureValidator.Outcome outcome = validator.validate(requests.get(i));
      outcomes.add(outcome);
      if (!outcome.valid()) {
        results[i] = new Invalid(outcome.problems());
      }
    }
    Instant now = clock.instant();
    boolean viewCurrent = caughtUp(catchUp);
    Map<String, Integer> firstIndex = new HashMap<>();
    Map<Integer, CompletableFuture<Result>> waitFor = new HashMap<>();
    Map<Integer, CompletableFuture<Result>> mine = new HashMap<>();
    List<Integer> toWrite = new ArrayList<>();
    List<CapturePublisher.Pending> pending = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (results[i] != null) {
        continue;
      }
      CaptureRequest request = requests.get(i);
      boolean clientId = request.captureId() != null;
      String captureId = (clientId ? request.captureId() : UUID.randomUUID()).toString();
      if (clientId) {
        Integer earlier = firstIndex.putIfAbsent(captureId, i);
        if (earlier != null) {
          continue; // answered like the first occurrence, below
        }
        Optional<LeadStatusChanged> known = view.findAnyTeam(captureId);
        if (known.isPresent()) {
          results[i] = answerFor(tenant, known.get());
          continue;
        }
        if (!viewCurrent) {
          results[i] = new Unavailable();
          continue;
        }
        CompletableFuture<Result> claim = new CompletableFuture<>();
        CompletableFuture<Result> other = inFlight.putIfAbsent(captureId, claim);
        if (other != null) {
          waitFor.put(i, other);
          continue;
        }
        mine.put(i, claim);
      }
      toWrite.add(i);
      pending.add(prepare(tenant, captureId, request, outcomes.get(i), now));
    }
    try {
      List<CapturePublisher.Written> written;
      try {
        written = publisher.publish(pending);
      } catch (RuntimeException e) {
        pending.forEach(p -> queries.notSent(p.received()));
        throw e;
      }
      for (int k = 0; k < toWrite.size(); k++) {
        int i = toWrite.get(k);
        CapturePublisher.Written w = written.get(k);
        if (w.accepted()) {
          LeadStatusChanged received = pending.get(k).received();
          // Applied before the in-flight claim is released, so a retry never finds neither.
          view.apply(received, w.status().partition(), w.status().offset());
          queries.written(received.captureId(), w.status().partition());
          results[i] = new Accepted(answer(received.captureId()));
        } else {
          queries.notSent(pending.get(k).received());
          results[i] = new Unavailable();
        }
      }
    } finally {
      for (Map.Entry<Integer, CompletableFuture<Result>> claim : mine.entrySet()) {
        Result result =
            results[claim.getKey()] == null ? new Unavailable() : results[claim.getKey()];
        claim.getValue().complete(result);
        inFlight.remove(requests.get(claim.getKey()).captureId().toString(), claim.getValue());
      }
    }
    waitFor.forEach((i, other) -> results[i] = join(other));
    for (int i = 0; i < requests.size(); i++) {
      if (results[i] == null) {
        results[i] = results[firstIndex.get(requests.get(i).captureId().toString())];
      }
    }
    return List.of(results);
  }

  /**
   * One catch-up for every client captureId the view does not know yet, waiting only for the
   * partitions that hold them; null when there is none to ask for. Invalid captures are included
   * (they are not validated yet): one more partition in a shared question costs nothing.
   */
  private CompletableFuture<Void> askCatchUp(List<CaptureRequest> requests) {
    List<String> unknown = new ArrayList<>();
    for (CaptureRequest request : requests) {
      UUID id = request == null ? null : request.captureId();
      if (id != null && view.findAnyTeam(id.toString()).isEmpty()) {
        unknown.add(id.toString());
      }
    }
    return unknown.isEmpty() ? null : queries.askCatchUp(unknown);
  }

  /**
   * False when the view could not be brought up to date: unknown ids are then answered 503 (an
   * unknown id cannot be told apart from one not read yet).
   */
  private boolean caughtUp(CompletableFuture<Void> catchUp) {
    if (catchUp == null) {
      return true;
    }
    try {
      queries.await(catchUp);
      return true;
    } catch (ViewUnavailableException e) {
      return false;
    }
  }

  private Result join(CompletableFuture<Result> other) {
    try {
      return other.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return new Unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Unavailable();
    }
  }

  private static Result answerFor(Tenant tenant, LeadStatusChanged known) {
    // The client's retry of a capture already held: the same answer, and nothing written again.
    return known.teamId().equals(tenant.teamId())
        ? new Accepted(answer(known.captureId()))
        : new Conflict();
  }

  private static CaptureAccepted answer(String captureId) {
    return new CaptureAccepted(captureId, LeadState.RECEIVED, "/api/v1/leads/" + captureId);
  }

  private CapturePublisher.Pending prepare(
      Tenant tenant,
      String captureId,
      CaptureRequest request,
      CaptureValidator.Outcome outcome,
      Instant now) {
    LeadCaptured captured =
        new LeadCaptured(
            LeadCaptured.VERSION,
            captureId,
            tenant.teamId(),
            tenant.orgId(),
            outcome.personKey().value(),
            new LeadDetails(
                request.firstName(),
                request.lastName(),
                request.email(),
                request.phone(),
                request.company(),
                request.title(),
                request.linkedinUrl()),
            request.target() != null ? request.target() : tenant.defaultTarget(),
            request.capturedBy(),
            now);
    LeadStatusChanged received =
        LeadStatusChanged.of(captureId, tenant.teamId(), tenant.orgId(), LeadState.RECEIVED, now);
    return new CapturePublisher.Pending(captured, received, queries.sending(received));
  }
}
