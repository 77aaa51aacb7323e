package io.leadgate.dedup.check;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.OwnerCollisionDetected;
import io.leadgate.contracts.Topics;
import io.leadgate.dedup.DedupProperties;
import io.leadgate.dedup.matching.BatchLookup;
import io.leadgate.dedup.matching.DuplicateMatcher;
import io.leadgate.dedup.matching.FuzzyCandidates;
import io.leadgate.dedup.matching.Verdict;
import io.leadgate.dedup.recent.RecentRecords;
import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.Candidate;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.salesforce.SalesforceException;
import io.leadgate.service.budget.Allowance;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks a batch of captures against Salesforce. A capture of a person Leadgate found or created
 * minutes ago is answered from memory, without a call. The rest are grouped by org, and each org's
 * group costs one search (or one query per object) whatever its size, paid for with an allowance
 * from budget-service. Nothing is spent without an allowance: an org without one (or one Salesforce
 * refuses for its daily limit) has its captures set aside in the {@link Progress}, for the listener
 * to move to the delay queue, while the other orgs of the batch are checked: one team's exhausted
 * org never holds up another team's captures.
 */
@Service
public class DuplicateCheck {

  private static final Logger log = LoggerFactory.getLogger(DuplicateCheck.class);

  /** Answered from what Leadgate found or created minutes ago, without a lookup. */
  private static final String RECENT = "recent";

  private final SalesforceClients salesforce;
  private final BudgetClient budget;
  private final TracedKafkaSender kafka;
  private final IdentityNormalizer normalizer;
  private final DuplicateMatcher matcher;
  private final RecentRecords recent;
  private final FuzzyCandidates fuzzyCandidates;
  private final DedupProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final CaptureTraces traces;
  private final Executor orgChecks;

  public DuplicateCheck(
      SalesforceClients salesforce,
      BudgetClient budget,
      TracedKafkaSender kafka,
      RecentRecords recent,
      FuzzyCandidates fuzzyCandidates,
      DedupProperties properties,
      Clock clock,
      MeterRegistry meters,
      CaptureTraces traces,
      OrgCheckThreads orgChecks) {
    this.meters = meters;
    this.orgChecks = orgChecks.executor();
    this.traces = traces;
    this.salesforce = salesforce;
    this.budget = budget;
    this.kafka = kafka;
    this.recent = recent;
    this.fuzzyCandidates = fuzzyCandidates;
    this.properties = properties;
    this.clock = clock;
    this.normalizer =
        new IdentityNormalizer(
            new IdentityPolicy(properties.phoneRegion(), properties.foldPlusTags()));
    this.matcher = new DuplicateMatcher(normalizer);
  }

  /**
   * What a batch left for later; every other capture of it was checked.
   *
   * @param deferred the captures (indexes) whose org cannot be checked now, in order; they must be
   *     queued for later, and are not counted as checked until then
   * @param inFlight the captures (indexes) of people another capture of whom is being created, in
   *     order: that creation's answer decides them, so they must be tried again shortly. They do
   *     not hold up the rest of the batch, whose other people have nothing to wait for.
   */
  public record Progress(List<Integer> deferred, List<Integer> inFlight) {

    public Progress {
      deferred = List.copyOf(deferred);
      inFlight = List.copyOf(inFlight);
    }
  }

  /**
   * Checks the captures, but for those that must wait for another capture of the same person and
   * those of an org without allowance: both are listed for the caller to queue.
   */
  public Progress check(List<LeadCaptured> captures) {
    List<CompletableFuture<?>> sends = new ArrayList<>();
    List<IdentityKeys> keys = captures.stream().map(c -> keys(c.lead())).toList();

    // Kept as found: looking up again later could miss a record whose time ran out meanwhile.
    Map<Integer, MatchedRecord> fromMemory = new LinkedHashMap<>();
    // A capture id checked before is a client's retry that reached Kafka twice: answered already.
    Set<Integer> repeats = new LinkedHashSet<>();
    Set<String> idsInBatch = new java.util.HashSet<>();
    List<Integer> inFlight = new ArrayList<>();
    for (int i = 0; i < captures.size(); i++) {
      String captureId = captures.get(i).captureId();
      if (recent.wasChecked(captureId) || !idsInBatch.add(captureId)) {
        repeats.add(i);
        continue;
      }
      Optional<MatchedRecord> known = recent.find(keys.get(i));
      if (known.isPresent() && known.get().ownerName() != null) {
        fromMemory.put(i, known.get());
      } else if (known.isPresent()) {
        // Created by Leadgate moments ago, owner not known yet: a lookup names the owner, and
        // if the search index has not caught up, the remembered record still answers.
        continue;
      } else if (recent.isInFlight(keys.get(i), properties.inFlightWait())) {
        inFlight.add(i);
      }
    }

    Set<Integer> waiting = new java.util.HashSet<>(inFlight);
    Map<String, List<Integer>> toLookUp = new LinkedHashMap<>();
    for (int i = 0; i < captures.size(); i++) {
      if (!fromMemory.containsKey(i) && !repeats.contains(i) && !waiting.contains(i)) {
        toLookUp.computeIfAbsent(captures.get(i).orgId(), org -> new ArrayList<>()).add(i);
      }
    }
    Instant now = clock.instant();
    for (Map.Entry<Integer, MatchedRecord> known : fromMemory.entrySet()) {
      LeadCaptured capture = captures.get(known.getKey());
      sends.addAll(duplicate(capture, known.getValue(), Cloud.BLUE, 0, List.of(RECENT), now));
    }
    Set<Integer> deferred = new java.util.TreeSet<>();
    for (OrgOutcome outcome : checkOrgs(captures, keys, toLookUp)) {
      sends.addAll(outcome.sends());
      deferred.addAll(outcome.deferred());
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    // A capture id is decided only if no copy of it was left for later: a retry's second copy in
    // this batch is skipped as a repeat, and marking it checked would make the queued copy a
    // repeat too when it comes back, leaving the capture without a final status.
    Set<String> undecidedIds = new java.util.HashSet<>();
    deferred.forEach(i -> undecidedIds.add(captures.get(i).captureId()));
    inFlight.forEach(i -> undecidedIds.add(captures.get(i).captureId()));
    for (LeadCaptured capture : captures) {
      if (!undecidedIds.contains(capture.captureId())) {
        recent.checked(capture.captureId());
      }
    }
    return new Progress(List.copyOf(deferred), inFlight);
  }

  /**
   * Tells the reps their captures wait: one DEFERRED status per capture, naming the next attempt.
   * Called once the captures are safely in the delay queue; returns when Kafka acknowledged.
   */
  public void deferred(List<LeadCaptured> captures, Instant nextAttempt) {
    Instant now = clock.instant();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (LeadCaptured capture : captures) {
      sends.add(send(deferred(capture, now, nextAttempt)));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
  }

  /** A status event from the writer: a capture this instance sent to creation got its answer. */
  public void onStatus(LeadStatusChanged status) {
    if (!status.state().isFinal()) {
      return;
    }
    Optional<MatchedRecord> record =
        status.state() == LeadState.CREATED && status.salesforceId() != null
            ? Optional.of(
                new MatchedRecord(
                    status.salesforceId().startsWith("003") ? "Contact" : "Lead",
                    status.salesforceId(),
                    null,
                    null,
                    "recent capture",
                    1.0))
            : Optional.ofNullable(status.match());
    recent.finished(status.captureId(), record);
    fuzzyCandidates.finished(
        status.captureId(),
        status.state() == LeadState.CREATED
            ? Optional.ofNullable(status.salesforceId())
            : Optional.empty());
  }

  /** What one org's part of a poll came to: the sends to wait for, or captures to defer. */
  private record OrgOutcome(List<CompletableFuture<?>> sends, List<Integer> deferred) {}

  /**
   * Looks up each org's part of the poll, the orgs side by side: a poll's latency is then its
   * slowest org's round trips to budget-service and Salesforce, not their sum. The first org is
   * looked up on this thread. Every lookup is over before this returns, even when one failed, so a
   * batch read again never overlaps lookups still running from its first reading.
   */
  private List<OrgOutcome> checkOrgs(
      List<LeadCaptured> captures, List<IdentityKeys> keys, Map<String, List<Integer>> toLookUp) {
    List<Map.Entry<String, List<Integer>>> orgs = new ArrayList<>(toLookUp.entrySet());
    List<CompletableFuture<OrgOutcome>> others = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> org :
        orgs.subList(Math.min(1, orgs.size()), orgs.size())) {
      others.add(
          CompletableFuture.supplyAsync(
              traces.carried(() -> lookUpOrg(org.getKey(), captures, keys, org.getValue())),
              orgChecks));
    }
    List<OrgOutcome> outcomes = new ArrayList<>(orgs.size());
    RuntimeException failure = null;
    if (!orgs.isEmpty()) {
      try {
        outcomes.add(lookUpOrg(orgs.get(0).getKey(), captures, keys, orgs.get(0).getValue()));
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    for (CompletableFuture<OrgOutcome> other : others) {
      try {
        outcomes.add(other.join());
      } catch (CompletionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return outcomes;
  }

  private OrgOutcome lookUpOrg(
      String orgId, List<LeadCaptured> captures, List<IdentityKeys> keys, List<Integer> indexes) {
    // Planned with last names, as in BLUE mode: the allowance covers the costlier look-up.
    BatchLookup planned = plan(orgId, captures, keys, indexes, true);
    int needed = callsFor(salesforce.forOrg(orgId), planned.query());
    Allowance allowance = budget.request(orgId, needed, BudgetClient.Purpose.CHECK);
    if (allowance.granted() < needed || !unexpired(allowance)) {
      // A part of a lookup buys nothing: the whole lease goes back, the org's captures wait. So
      // does a lease already expired when it arrives (this clock ahead of budget-service's):
      // budget-service no longer counts it, so a call made on it could pass the cap.
      budget.report(orgId, allowance, 0);
      return new OrgOutcome(List.of(), indexes);
    }
    try {
      return new OrgOutcome(
          checkOrg(orgId, captures, keys, indexes, allowance, planned), List.of());
    } catch (SalesforceException.LimitExceeded e) {
      log.warn("Org {}: Salesforce refused for its daily limit; its captures wait", orgId);
      return new OrgOutcome(List.of(), indexes);
    }
  }

  private boolean unexpired(Allowance allowance) {
    return allowance.expiresAt() != null && clock.instant().isBefore(allowance.expiresAt());
  }

  private List<CompletableFuture<?>> checkOrg(
      String orgId,
      List<LeadCaptured> captures,
      List<IdentityKeys> keys,
      List<Integer> indexes,
      Allowance allowance,
      BatchLookup planned) {
    SalesforceClient client = salesforce.forOrg(orgId);
    boolean blue = allowance.mode() == BudgetMode.BLUE;
    BatchLookup lookup = blue ? planned : plan(orgId, captures, keys, indexes, false);
    CandidateQuery query = lookup.query();
    CandidateResult result;
    Instant searchedAt = clock.instant();
    try {
      result = lookUp(client, query);
    } finally {
      // Whatever happened, the unspent part of the lease goes back; a failed call still counts.
      budget.report(orgId, allowance, callsFor(client, query));
    }
    Cloud cloud = blue ? Cloud.BLUE : Cloud.GOLDEN;
    Optional<MatchThreshold> fuzzy =
        blue ? Optional.of(MatchThreshold.of(properties.fuzzyThreshold())) : Optional.empty();
    double share = (double) result.calls() / indexes.size();
    record(orgId, indexes.size(), share);
    Instant now = clock.instant();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    BatchLookup.Matches candidates = lookup.complete(result, searchedAt, matcher);
    for (int i : indexes) {
      LeadCaptured capture = captures.get(i);
      Optional<MatchedRecord> remembered = recent.find(keys.get(i));
      Optional<Verdict> verdict = candidates.match(lookupCapture(capture, keys.get(i)), fuzzy);
      if (verdict.isPresent()) {
        traces.inTraceOf(
            capture.captureId(),
            () ->
                log.info(
                    "Capture {} is a duplicate: {}",
                    capture.captureId(),
                    verdict.get().explanation()));
        MatchedRecord record = toMatched(verdict.get());
        recent.remember(keys.get(i), record);
        sends.addAll(duplicate(capture, record, cloud, share, tried(keys.get(i), blue), now));
      } else if (remembered.isPresent()) {
        List<String> tried = new ArrayList<>(tried(keys.get(i), blue));
        tried.add(RECENT);
        sends.addAll(duplicate(capture, remembered.get(), cloud, share, tried, now));
      } else {
        recent.sentToCreate(capture.captureId(), keys.get(i));
        if (blue) {
          fuzzyCandidates.sentToCreate(capture.captureId(), orgId, asCandidate(capture));
        }
        sends.add(
            traces.inTraceOf(
                capture.captureId(),
                () ->
                    kafka.send(
                        Topics.LEADS_TO_CREATE.name(),
                        Topics.personKey(orgId, capture.personKey()),
                        cleared(capture, share, now))));
        sends.add(
            send(
                status(capture, LeadState.CHECKING, now)
                    .withCloud(cloud)
                    .withApiCalls(share)
                    .withKeysTried(tried(keys.get(i), blue))));
      }
    }
    return sends;
  }

  /**
   * One org's part of a poll is the batch that shares a lookup: its size, and the calls each of its
   * captures cost, show whether batching pays (a lone capture costs the whole lookup).
   */
  private void record(String orgId, int size, double callsPerLead) {
    DistributionSummary.builder("leadgate.dedup.batch.size")
        .description("Captures of one org checked by one Salesforce lookup")
        .tag("org", orgId)
        .publishPercentileHistogram()
        .minimumExpectedValue(1.0)
        .maximumExpectedValue(200.0)
        .register(meters)
        .record(size);
    DistributionSummary.builder("leadgate.dedup.calls.per.lead")
        .description("Salesforce calls of a dedup batch per capture in it")
        .tag("org", orgId)
        .register(meters)
        .record(callsPerLead);
  }

  private CandidateResult lookUp(SalesforceClient client, CandidateQuery query) {
    return properties.lookup() == DedupProperties.Lookup.SEARCH
        ? client.searchCandidates(query)
        : client.findCandidates(query);
  }

  private int callsFor(SalesforceClient client, CandidateQuery query) {
    return properties.lookup() == DedupProperties.Lookup.SEARCH
        ? client.callsToSearch(query)
        : client.callsToFind(query);
  }

  /** The identity keys a lookup tried for this capture: the audit of what its check spent on. */
  private static List<String> tried(IdentityKeys keys, boolean fuzzy) {
    List<String> tried = new ArrayList<>(4);
    keys.email().ifPresent(v -> tried.add("email"));
    keys.linkedin().ifPresent(v -> tried.add("linkedin"));
    keys.phone().ifPresent(v -> tried.add("phone"));
    if (fuzzy) {
      tried.add("name+company");
    }
    return tried;
  }

  private List<CompletableFuture<?>> duplicate(
      LeadCaptured capture,
      MatchedRecord record,
      Cloud cloud,
      double share,
      List<String> keysTried,
      Instant now) {
    List<CompletableFuture<?>> sends = new ArrayList<>();
    LeadStatusChanged status =
        status(capture, LeadState.DUPLICATE, now)
            .withCloud(cloud)
            .withApiCalls(share)
            .withKeysTried(keysTried);
    boolean collision =
        record.ownerEmail() != null
            && capture.capturedBy() != null
            && !record.ownerEmail().equalsIgnoreCase(capture.capturedBy().strip());
    if (collision) {
      OwnerCollisionDetected detected =
          new OwnerCollisionDetected(
              OwnerCollisionDetected.VERSION,
              capture.captureId(),
              capture.teamId(),
              capture.orgId(),
              capture.capturedBy(),
              record,
              now);
      sends.add(
          traces.inTraceOf(
              capture.captureId(),
              () -> kafka.send(Topics.OWNER_COLLISIONS.name(), capture.orgId(), detected)));
    }
    if (cloud == Cloud.GOLDEN) {
      // Near the cap the duplicate is still prevented, but its details are not reported.
      sends.add(send(status));
      return sends;
    }
    LeadStatusChanged detailed = status.withMatch(record);
    if (collision) {
      detailed =
          detailed.withReason(
              "Owned by " + record.ownerName() + " <" + record.ownerEmail() + ">, not by you.",
              null);
    }
    sends.add(send(detailed));
    return sends;
  }

  private static MatchedRecord toMatched(Verdict verdict) {
    return new MatchedRecord(
        verdict.record().object(),
        verdict.record().id(),
        verdict.record().ownerName(),
        verdict.record().ownerEmail(),
        verdict.matchedOn(),
        verdict.confidence());
  }

  private static LeadStatusChanged deferred(
      LeadCaptured capture, Instant now, Instant nextAttempt) {
    return status(capture, LeadState.DEFERRED, now)
        .withCloud(Cloud.GOLDEN)
        .withReason(
            "The org is at Leadgate's API cap; the check resumes when the window frees up.",
            nextAttempt);
  }

  private static LeadStatusChanged status(LeadCaptured capture, LeadState state, Instant now) {
    return LeadStatusChanged.of(capture.captureId(), capture.teamId(), capture.orgId(), state, now);
  }

  private static LeadCleared cleared(LeadCaptured capture, double share, Instant now) {
    return new LeadCleared(
        LeadCleared.VERSION,
        capture.captureId(),
        capture.teamId(),
        capture.orgId(),
        capture.personKey(),
        capture.lead(),
        capture.target(),
        capture.capturedBy(),
        capture.capturedAt(),
        share,
        now);
  }

  private CompletableFuture<?> send(LeadStatusChanged status) {
    return traces.inTraceOf(
        status.captureId(),
        () -> kafka.send(Topics.LEADS_STATUS.name(), status.captureId(), status));
  }

  private BatchLookup plan(
      String orgId,
      List<LeadCaptured> captures,
      List<IdentityKeys> keys,
      List<Integer> indexes,
      boolean withNames) {
    List<BatchLookup.Capture> batch = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      batch.add(lookupCapture(captures.get(i), keys.get(i)));
    }
    return BatchLookup.plan(orgId, batch, withNames, fuzzyCandidates);
  }

  private static BatchLookup.Capture lookupCapture(LeadCaptured capture, IdentityKeys keys) {
    LeadDetails lead = capture.lead();
    return new BatchLookup.Capture(
        keys, new NameCompany(lead.firstName(), lead.lastName(), lead.company()));
  }

  /** The record this capture becomes once created, as a fuzzy candidate of later captures. */
  private DuplicateMatcher.FuzzyCandidate asCandidate(LeadCaptured capture) {
    LeadDetails lead = capture.lead();
    return matcher.fuzzyCandidate(
        new Candidate(
            "Lead",
            null,
            lead.firstName(),
            lead.lastName(),
            lead.email(),
            lead.phone(),
            lead.company(),
            lead.linkedinUrl(),
            null,
            null));
  }

  private IdentityKeys keys(LeadDetails lead) {
    return normalizer.keys(
        new RawIdentity(
            lead.firstName(),
            lead.lastName(),
            lead.email(),
            lead.phone(),
            lead.company(),
            lead.linkedinUrl()));
  }
}
