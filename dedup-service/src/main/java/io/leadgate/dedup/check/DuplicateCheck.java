package io.leadgate.dedup.check;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.Topics;
import io.leadgate.dedup.DedupProperties;
import io.leadgate.dedup.matching.DuplicateMatcher;
import io.leadgate.dedup.matching.Verdict;
import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.service.budget.Allowance;
import io.leadgate.service.budget.BudgetClient;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks a batch of captures against Salesforce. Captures are grouped by org, and each org's group
 * costs one query per object whatever its size, paid for with an allowance from budget-service.
 * Nothing is spent without an allowance: an org without one has its captures deferred.
 */
@Service
public class DuplicateCheck {

  private static final Logger log = LoggerFactory.getLogger(DuplicateCheck.class);

  private final SalesforceClients salesforce;
  private final BudgetClient budget;
  private final KafkaTemplate<String, Object> kafka;
  private final IdentityNormalizer normalizer;
  private final DuplicateMatcher matcher;
  private final DedupProperties properties;
  private final Clock clock;

  public DuplicateCheck(
      SalesforceClients salesforce,
      BudgetClient budget,
      KafkaTemplate<String, Object> kafka,
      DedupProperties properties,
      Clock clock) {
    this.salesforce = salesforce;
    this.budget = budget;
    this.kafka = kafka;
    this.properties = properties;
    this.clock = clock;
    this.normalizer =
        new IdentityNormalizer(
            new IdentityPolicy(properties.phoneRegion(), properties.foldPlusTags()));
    this.matcher = new DuplicateMatcher(normalizer);
  }

  /**
   * Checks the captures in order, up to the first one whose org has no allowance.
   *
   * @return how many captures, from the start of the list, were decided; the rest must be delivered
   *     again later
   */
  public int check(List<LeadCaptured> captures) {
    Map<String, List<Integer>> indexesByOrg = new LinkedHashMap<>();
    for (int i = 0; i < captures.size(); i++) {
      indexesByOrg.computeIfAbsent(captures.get(i).orgId(), org -> new ArrayList<>()).add(i);
    }
    Map<String, Allowance> allowances = new LinkedHashMap<>();
    Map<String, CandidateQuery> queries = new LinkedHashMap<>();
    int decided = captures.size();
    for (Map.Entry<String, List<Integer>> org : indexesByOrg.entrySet()) {
      CandidateQuery query = queryFor(captures, org.getValue());
      int needed = salesforce.forOrg(org.getKey()).callsToFind(query);
      Allowance allowance = budget.request(org.getKey(), needed, BudgetClient.Purpose.CHECK);
      allowances.put(org.getKey(), allowance);
      queries.put(org.getKey(), query);
      if (allowance.granted() < needed) {
        decided = Math.min(decided, org.getValue().get(0));
      }
    }
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> org : indexesByOrg.entrySet()) {
      String orgId = org.getKey();
      Allowance allowance = allowances.get(orgId);
      int cutoff = decided;
      List<LeadCaptured> now =
          org.getValue().stream().filter(i -> i < cutoff).map(captures::get).toList();
      if (now.isEmpty()) {
        budget.report(orgId, allowance, 0);
        continue;
      }
      sends.addAll(checkOrg(orgId, now, allowance));
    }
    if (decided < captures.size()) {
      for (LeadCaptured later : captures.subList(decided, captures.size())) {
        sends.add(send(deferred(later)));
      }
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    return decided;
  }

  private List<CompletableFuture<?>> checkOrg(
      String orgId, List<LeadCaptured> captures, Allowance allowance) {
    SalesforceClient client = salesforce.forOrg(orgId);
    CandidateQuery query = queryFor(captures);
    CandidateResult result;
    try {
      result = client.findCandidates(query);
    } finally {
      // Whatever happened, the unspent part of the lease goes back; a failed call still counts.
      budget.report(orgId, allowance, client.callsToFind(query));
    }
    Cloud cloud = allowance.mode() == BudgetMode.BLUE ? Cloud.BLUE : Cloud.GOLDEN;
    double share = (double) result.calls() / captures.size();
    Instant now = clock.instant();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (LeadCaptured capture : captures) {
      Optional<Verdict> verdict = matcher.match(keys(capture.lead()), result.candidates());
      if (verdict.isPresent()) {
        log.info("Capture {} is a duplicate: {}", capture.captureId(), verdict.get().explanation());
        sends.add(send(duplicate(capture, verdict.get(), cloud, share, now)));
      } else {
        sends.add(
            kafka.send(
                Topics.LEADS_TO_CREATE.name(),
                Topics.personKey(orgId, capture.personKey()),
                cleared(capture, share, now)));
        sends.add(
            send(status(capture, LeadState.CHECKING, now).withCloud(cloud).withApiCalls(share)));
      }
    }
    return sends;
  }

  private LeadStatusChanged duplicate(
      LeadCaptured capture, Verdict verdict, Cloud cloud, double share, Instant now) {
    LeadStatusChanged status =
        status(capture, LeadState.DUPLICATE, now).withCloud(cloud).withApiCalls(share);
    if (cloud == Cloud.GOLDEN) {
      // Near the cap the duplicate is still prevented, but its details are not reported.
      return status;
    }
    return status.withMatch(
        new MatchedRecord(
            verdict.record().object(),
            verdict.record().id(),
            verdict.record().ownerName(),
            verdict.record().ownerEmail(),
            verdict.matchedOn(),
            verdict.confidence()));
  }

  private LeadStatusChanged deferred(LeadCaptured capture) {
    Instant now = clock.instant();
    return status(capture, LeadState.DEFERRED, now)
        .withCloud(Cloud.GOLDEN)
        .withReason(
            "The org is at Leadgate's API cap; the check resumes when the window frees up.",
            now.plus(properties.retryAfter()));
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
    return kafka.send(Topics.LEADS_STATUS.name(), status.captureId(), status);
  }

  private CandidateQuery queryFor(List<LeadCaptured> captures, List<Integer> indexes) {
    return queryFor(indexes.stream().map(captures::get).toList());
  }

  private CandidateQuery queryFor(List<LeadCaptured> captures) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> linkedins = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    for (LeadCaptured capture : captures) {
      IdentityKeys keys = keys(capture.lead());
      keys.email().ifPresent(emails::add);
      keys.linkedin().ifPresent(linkedins::add);
      keys.phone().ifPresent(phones::add);
    }
    return new CandidateQuery(emails, linkedins, phones);
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
