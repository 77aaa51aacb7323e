package io.leadgate.writer.create;

import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.Topics;
import io.leadgate.salesforce.AccountMatch;
import io.leadgate.salesforce.CreateOptions;
import io.leadgate.salesforce.CreateOutcome;
import io.leadgate.salesforce.ExistingRecord;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.salesforce.SalesforceException;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.service.kafka.LeadgateKafkaConfiguration;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import io.leadgate.writer.WriterProperties;
import io.leadgate.writer.WriterProperties.TeamSettings;
import io.leadgate.writer.create.OrgCalls.Deferral;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates a batch of cleared captures: per org, one create call per 200 records, each record
 * carrying Leadgate's person key in a unique external-id field so that Salesforce itself refuses a
 * second record for the same person.
 *
 * <p>Exactly one record per person, whatever happens:
 *
 * <ul>
 *   <li>Captures of one person in one batch are written as one record: the first capture creates,
 *       the others are DUPLICATEs of it.
 *   <li>DUPLICATE_VALUE (the key is taken: an earlier capture made the record) is resolved to the
 *       existing record with its 18-character id and owner, all such records in one query.
 *   <li>A create whose answer is lost (timeout after Salesforce committed, dropped connection) is
 *       never simply sent again: the person keys are looked up first, and a record found is the one
 *       this capture made, reported CREATED. Only keys not found are created again.
 * </ul>
 */
@Service
public class RecordCreation {

  private static final Logger log = LoggerFactory.getLogger(RecordCreation.class);

  private final SalesforceClients salesforce;
  private final BudgetClient budget;
  private final TracedKafkaSender kafka;
  private final WriterProperties properties;
  private final Clock clock;
  private final RecordMapper mapper;
  private final TransientBackOff backOff;
  private final CreationJournal journal = new CreationJournal(200_000);
  private final CaptureTraces traces;

  public RecordCreation(
      SalesforceClients salesforce,
      BudgetClient budget,
      TracedKafkaSender kafka,
      WriterProperties properties,
      Clock clock,
      CaptureTraces traces) {
    this.traces = traces;
    this.salesforce = salesforce;
    this.budget = budget;
    this.kafka = kafka;
    this.properties = properties;
    this.clock = clock;
    this.mapper =
        new RecordMapper(
            properties.personKeyField(), properties.linkedinField(), properties.leadSource());
    this.backOff =
        new TransientBackOff(
            properties.transientRetry().initial(), properties.transientRetry().max());
  }

  /** Decides what it can of the batch, in order; the result says where to resume. */
  public BatchResult create(List<LeadCleared> leads) {
    Map<String, List<LeadCleared>> byOrg = new LinkedHashMap<>();
    for (LeadCleared lead : leads) {
      if (!journal.isDecided(lead.captureId())) {
        byOrg.computeIfAbsent(lead.orgId(), org -> new ArrayList<>()).add(lead);
      }
    }
    List<CompletableFuture<?>> sends = new ArrayList<>();
    Duration retryAfter = Duration.ZERO;
    String reason = null;
    Set<String> deferredIds = new java.util.HashSet<>();
    String deferralReason = null;
    for (Map.Entry<String, List<LeadCleared>> org : byOrg.entrySet()) {
      OrgRun run = new OrgRun(org.getKey(), org.getValue());
      try {
        run.write();
      } catch (Deferral e) {
        // Not retried in place: that would hold up every other org on these partitions.
        deferralReason = e.getMessage();
        run.undecided().forEach(lead -> deferredIds.add(lead.captureId()));
      } catch (SalesforceException.Transient | SalesforceException.SessionExpired e) {
        retryAfter = max(retryAfter, properties.transientRetry().max());
        reason = "Salesforce is unavailable: " + e.getMessage();
        log.warn(
            "Org {}: Salesforce unavailable ({}); retried later", org.getKey(), e.getMessage());
      } finally {
        run.calls.report();
        sends.addAll(run.publish());
      }
    }
    // The offsets are committed only once every status and dead letter is acknowledged.
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    List<Integer> deferred = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      String captureId = leads.get(i).captureId();
      if (journal.isDecided(captureId)) {
        continue;
      }
      if (!deferredIds.contains(captureId)) {
        // Those after i are delivered again anyway: only those before it move to the queue.
        return new BatchResult(i, retryAfter, reason, deferred, deferralReason);
      }
      deferred.add(i);
    }
    return new BatchResult(leads.size(), Duration.ZERO, null, deferred, deferralReason);
  }

  /**
   * Tells the reps their records wait: one DEFERRED status per capture, naming the next attempt.
   * Called once the captures are safely in the delay queue; returns when Kafka acknowledged.
   */
  public void deferred(List<LeadCleared> leads, String reason, Instant nextAttempt) {
    Instant now = clock.instant();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (LeadCleared lead : leads) {
      sends.add(send(Outcomes.deferred(lead, reason, now, nextAttempt)));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
  }

  /** One org's share of a batch. */
  private final class OrgRun {
    private final String orgId;
    private final List<LeadCleared> leads;
    private final SalesforceClient client;
    private final OrgCalls calls;
    private final Map<LeadCleared, Decision> decisions = new LinkedHashMap<>();

    OrgRun(String orgId, List<LeadCleared> leads) {
      this.orgId = orgId;
      this.leads = leads;
      this.client = salesforce.forOrg(orgId);
      this.calls = new OrgCalls(budget, orgId, clock);
    }

    List<LeadCleared> undecided() {
      return leads.stream().filter(l -> !decisions.containsKey(l)).toList();
    }

    void write() {
      calls.reserve((leads.size() + SalesforceClient.MAX_CREATE_BATCH - 1) / 200);
      List<LeadCleared> remaining = leads;
      while (!remaining.isEmpty()) {
        // The first capture of each person creates; the others follow its outcome.
        Map<String, LeadCleared> creators = new LinkedHashMap<>();
        List<LeadCleared> followers = new ArrayList<>();
        for (LeadCleared lead : remaining) {
          if (creators.putIfAbsent(Outcomes.keyOf(lead.personKey()), lead) != null) {
            followers.add(lead);
          }
        }
        List<LeadCleared> toCreate = claimUnanswered(new ArrayList<>(creators.values()));
        createAll(toCreate);
        remaining = follow(creators, followers);
      }
    }

    /**
     * Captures whose earlier create got no answer: a record holding their key is the one they made.
     * Returns the captures that still need a create.
     */
    private List<LeadCleared> claimUnanswered(List<LeadCleared> creators) {
      List<LeadCleared> unanswered =
          creators.stream().filter(l -> journal.isUnanswered(l.captureId())).toList();
      if (unanswered.isEmpty()) {
        return creators;
      }
      Map<String, ExistingRecord> found = lookUp(unanswered, Map.of());
      List<LeadCleared> rest = new ArrayList<>();
      for (LeadCleared lead : creators) {
        ExistingRecord existing =
            journal.isUnanswered(lead.captureId())
                ? found.get(Outcomes.keyOf(lead.personKey()))
                : null;
        if (existing == null) {
          rest.add(lead);
        } else {
          claim(lead, existing);
        }
      }
      return rest;
    }

    private void claim(LeadCleared lead, ExistingRecord existing) {
      if (journal.mayClaim(lead.personKey(), lead.captureId())) {
        log.info(
            "Capture {}: its unanswered create had committed as {}",
            lead.captureId(),
            existing.id());
        decide(lead, new Decision.Created(existing.id()));
      } else {
        decide(lead, Outcomes.duplicateOf(existing));
      }
    }

    private void createAll(List<LeadCleared> creators) {
      Map<LeadCleared, String> accounts = resolveAccounts(creators);
      // One call per object and assignment choice: a create call carries one header set.
      Map<String, List<LeadCleared>> groups = new LinkedHashMap<>();
      for (LeadCleared lead : creators) {
        boolean assign = team(lead).assignmentRules() && RecordMapper.objectOf(lead).equals("Lead");
        groups
            .computeIfAbsent(RecordMapper.objectOf(lead) + "/" + assign, g -> new ArrayList<>())
            .add(lead);
      }
      Map<LeadCleared, CreateOutcome> outcomes = new LinkedHashMap<>();
      for (Map.Entry<String, List<LeadCleared>> group : groups.entrySet()) {
        CreateOptions options = new CreateOptions(group.getKey().endsWith("/true"));
        List<LeadCleared> all = group.getValue();
        for (int from = 0; from < all.size(); from += SalesforceClient.MAX_CREATE_BATCH) {
          List<LeadCleared> chunk =
              all.subList(from, Math.min(all.size(), from + SalesforceClient.MAX_CREATE_BATCH));
          outcomes.putAll(createChunk(chunk, accounts, options));
        }
      }
      // DUPLICATE_VALUE and duplicate-rule matches are named with their owners: one query per
      // object for the whole batch.
      List<LeadCleared> byKey = new ArrayList<>();
      Map<String, Set<String>> ids = new HashMap<>();
      outcomes.forEach(
          (lead, outcome) -> {
            if (outcome instanceof CreateOutcome.DuplicateValue) {
              byKey.add(lead);
            } else if (outcome instanceof CreateOutcome.DuplicatesDetected detected) {
              detected.matches().stream()
                  .limit(1)
                  .forEach(
                      m -> ids.computeIfAbsent(m.object(), o -> new LinkedHashSet<>()).add(m.id()));
            }
          });
      Map<String, ExistingRecord> byPersonKey = new HashMap<>();
      Map<String, ExistingRecord> byId = new HashMap<>();
      if (!byKey.isEmpty() || !ids.isEmpty()) {
        for (ExistingRecord record : lookUpAll(byKey, ids)) {
          byId.put(record.id(), record);
          if (record.personKey() != null) {
            byPersonKey.put(Outcomes.keyOf(record.personKey()), record);
          }
        }
      }
      outcomes.forEach(
          (lead, outcome) ->
              decide(
                  lead,
                  Outcomes.decide(
                      outcome, RecordMapper.objectOf(lead), lead.personKey(), byPersonKey, byId)));
    }

    /**
     * One create call for up to 200 records, retried with back-off while Salesforce fails
     * transiently. Before a retry the keys are looked up: a create whose answer was lost may have
     * committed, and its records are claimed instead of being created again.
     */
    private Map<LeadCleared, CreateOutcome> createChunk(
        List<LeadCleared> chunk, Map<LeadCleared, String> accounts, CreateOptions options) {
      Map<LeadCleared, CreateOutcome> results = new LinkedHashMap<>();
      List<LeadCleared> pending = new ArrayList<>(chunk);
      long started = System.nanoTime();
      int attempt = 0;
      while (true) {
        try {
          if (attempt > 0) {
            Map<String, ExistingRecord> found = lookUp(pending, Map.of());
            for (LeadCleared lead : List.copyOf(pending)) {
              ExistingRecord existing = found.get(Outcomes.keyOf(lead.personKey()));
              if (existing != null) {
                claim(lead, existing);
                pending.remove(lead);
              }
            }
            if (pending.isEmpty()) {
              return results;
            }
          }
          List<NewRecord> records =
              pending.stream()
                  .map(lead -> mapper.toRecord(lead, team(lead), accounts.get(lead)))
                  .toList();
          calls.take();
          pending.forEach(lead -> journal.sent(lead.captureId(), lead.personKey()));
          List<CreateOutcome> outcomes;
          try {
            outcomes = client.create(records, options);
          } catch (SalesforceException.Permanent e) {
            // The call as a whole is wrong (e.g. a mapped field the org does not have): every
            // record fails with the reason, and re-drive sends them again once it is fixed.
            outcomes =
                records.stream()
                    .map(
                        r ->
                            (CreateOutcome)
                                new CreateOutcome.Rejected(e.code(), e.getMessage(), List.of()))
                    .toList();
          }
          for (int i = 0; i < pending.size(); i++) {
            journal.answered(pending.get(i).captureId());
            results.put(pending.get(i), outcomes.get(i));
          }
          return results;
        } catch (SalesforceException.LimitExceeded e) {
          throw limitDeferral();
        } catch (SalesforceException.Transient | SalesforceException.SessionExpired e) {
          attempt++;
          pause(started, attempt, e);
        }
      }
    }

    /**
     * The Account each Contact goes under: an Account whose website is the e-mail's domain, or,
     * when the team creates Accounts, a new one. Contacts without a company domain get none.
     */
    private Map<LeadCleared, String> resolveAccounts(List<LeadCleared> creators) {
      Map<String, List<LeadCleared>> byDomain = new LinkedHashMap<>();
      for (LeadCleared lead : creators) {
        String domain = RecordMapper.objectOf(lead).equals("Contact") ? domainOf(lead) : null;
        if (domain != null) {
          byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(lead);
        }
      }
      Map<LeadCleared, String> accounts = new HashMap<>();
      if (byDomain.isEmpty()) {
        return accounts;
      }
      Map<String, String> accountByDomain = findAccounts(byDomain.keySet());
      List<String> missing =
          byDomain.keySet().stream()
              .filter(d -> !accountByDomain.containsKey(d))
              .filter(d -> byDomain.get(d).stream().anyMatch(l -> team(l).createAccounts()))
              .toList();
      if (!missing.isEmpty()) {
        accountByDomain.putAll(createAccounts(missing, byDomain));
      }
      byDomain.forEach(
          (domain, contacts) -> {
            String accountId = accountByDomain.get(domain);
            if (accountId != null) {
              contacts.forEach(c -> accounts.put(c, accountId));
            }
          });
      return accounts;
    }

    private Map<String, String> findAccounts(Set<String> domains) {
      List<AccountMatch> found =
          retrying(
              () -> {
                calls.take();
                return client.findAccountsByWebsite(domains).records();
              });
      Map<String, String> byDomain = new HashMap<>();
      for (AccountMatch account : found) {
        String host = hostOf(account.website());
        for (String domain : domains) {
          if (host != null && (host.equals(domain) || host.endsWith("." + domain))) {
            byDomain.putIfAbsent(domain, account.id());
          }
        }
      }
      return byDomain;
    }

    private Map<String, String> createAccounts(
        List<String> domains, Map<String, List<LeadCleared>> byDomain) {
      Map<String, String> created = new HashMap<>();
      List<String> todo = new ArrayList<>(domains);
      long started = System.nanoTime();
      int attempt = 0;
      while (true) {
        try {
          if (attempt > 0) {
            // A lost answer may have committed: never make a second Account for a domain.
            created.putAll(findAccounts(Set.copyOf(todo)));
            todo.removeIf(created::containsKey);
            if (todo.isEmpty()) {
              return created;
            }
          }
          List<NewRecord> records = new ArrayList<>();
          for (String domain : todo) {
            String company = byDomain.get(domain).get(0).lead().company();
            records.add(
                new NewRecord(
                    "Account",
                    Map.of(
                        "Name",
                        company == null || company.isBlank() ? domain : company.strip(),
                        "Website",
                        domain)));
          }
          calls.take();
          List<CreateOutcome> outcomes = client.create(records);
          for (int i = 0; i < todo.size(); i++) {
            if (outcomes.get(i) instanceof CreateOutcome.Created account) {
              created.put(todo.get(i), account.id());
            } else {
              log.warn("Org {}: no Account created for a domain ({})", orgId, outcomes.get(i));
            }
          }
          return created;
        } catch (SalesforceException.LimitExceeded e) {
          throw limitDeferral();
        } catch (SalesforceException.Transient | SalesforceException.SessionExpired e) {
          attempt++;
          pause(started, attempt, e);
        }
      }
    }

    /** Followers of a created or duplicate person are its duplicates; the rest try themselves. */
    private List<LeadCleared> follow(
        Map<String, LeadCleared> creators, List<LeadCleared> followers) {
      List<LeadCleared> next = new ArrayList<>();
      List<LeadCleared> ofCreated = new ArrayList<>();
      for (LeadCleared follower : followers) {
        Decision first = decisions.get(creators.get(Outcomes.keyOf(follower.personKey())));
        if (first instanceof Decision.Created) {
          ofCreated.add(follower);
        } else if (first instanceof Decision.Duplicate duplicate) {
          decide(follower, duplicate);
        } else {
          next.add(follower);
        }
      }
      if (!ofCreated.isEmpty()) {
        // The new record's owner may be set by an assignment rule: ask Salesforce, once.
        Map<String, ExistingRecord> found = lookUp(ofCreated, Map.of());
        for (LeadCleared follower : ofCreated) {
          String key = Outcomes.keyOf(follower.personKey());
          ExistingRecord existing = found.get(key);
          Decision.Created created = (Decision.Created) decisions.get(creators.get(key));
          decide(
              follower,
              existing != null
                  ? Outcomes.duplicateOf(existing)
                  : new Decision.Duplicate(
                      new MatchedRecord(
                          RecordMapper.objectOf(follower),
                          created.salesforceId(),
                          null,
                          null,
                          Outcomes.MATCHED_ON_PERSON_KEY,
                          1.0)));
        }
      }
      return next;
    }

    /** Existing records holding the leads' person keys, by lower-case key. */
    private Map<String, ExistingRecord> lookUp(
        List<LeadCleared> leads, Map<String, Set<String>> ids) {
      Map<String, ExistingRecord> byKey = new HashMap<>();
      for (ExistingRecord record : lookUpAll(leads, ids)) {
        if (record.personKey() != null) {
          byKey.put(Outcomes.keyOf(record.personKey()), record);
        }
      }
      return byKey;
    }

    private List<ExistingRecord> lookUpAll(List<LeadCleared> leads, Map<String, Set<String>> ids) {
      Map<String, Set<String>> keys = new LinkedHashMap<>();
      for (LeadCleared lead : leads) {
        keys.computeIfAbsent(RecordMapper.objectOf(lead), o -> new LinkedHashSet<>())
            .add(lead.personKey());
      }
      Set<String> objects = new LinkedHashSet<>(keys.keySet());
      objects.addAll(ids.keySet());
      List<ExistingRecord> found = new ArrayList<>();
      for (String object : objects) {
        found.addAll(
            retrying(
                () -> {
                  calls.take();
                  return client
                      .findExisting(
                          object,
                          keys.getOrDefault(object, Set.of()),
                          ids.getOrDefault(object, Set.of()))
                      .records();
                }));
      }
      return found;
    }

    private <T> T retrying(Supplier<T> call) {
      long started = System.nanoTime();
      int attempt = 0;
      while (true) {
        try {
          return call.get();
        } catch (SalesforceException.LimitExceeded e) {
          throw limitDeferral();
        } catch (SalesforceException.Transient | SalesforceException.SessionExpired e) {
          attempt++;
          pause(started, attempt, e);
        }
      }
    }

    /** Waits before the next attempt, or gives the batch back to the error handler. */
    private void pause(long startedNanos, int attempt, SalesforceException e) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
      if (elapsed.compareTo(properties.transientRetry().window()) >= 0) {
        throw e;
      }
      Duration delay = backOff.delay(attempt);
      log.info(
          "Org {}: Salesforce failed ({}); attempt {} in {}",
          orgId,
          e.getMessage(),
          attempt + 1,
          delay);
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }

    private void decide(LeadCleared lead, Decision decision) {
      decisions.put(lead, decision);
      if (decision instanceof Decision.Created) {
        journal.created(lead.personKey(), lead.captureId());
      }
    }

    /** Statuses (and dead letters) of the decided captures, each with its share of the calls. */
    List<CompletableFuture<?>> publish() {
      List<CompletableFuture<?>> sends = new ArrayList<>();
      double share = leads.isEmpty() ? 0 : (double) calls.used() / leads.size();
      Instant now = clock.instant();
      Cloud cloud = calls.cloud();
      decisions.forEach(
          (lead, decision) -> {
            sends.add(
                send(Outcomes.toStatus(lead, decision, now, lead.checkCalls() + share)
                        .withCloud(cloud))
                    .thenRun(() -> journal.decided(lead.captureId())));
            if (decision instanceof Decision.Failed failed) {
              sends.add(deadLetter(lead, failed.reason()));
            }
          });
      return sends;
    }
  }

  private static Deferral limitDeferral() {
    return new Deferral(
        "Salesforce refused for the org's daily API limit (REQUEST_LIMIT_EXCEEDED); the record is"
            + " created when the window frees up.");
  }

  private TeamSettings team(LeadCleared lead) {
    return properties.team(lead.teamId());
  }

  private String domainOf(LeadCleared lead) {
    String email = lead.lead().email();
    int at = email == null ? -1 : email.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    return domain.isEmpty() || properties.freeMailDomains().contains(domain) ? null : domain;
  }

  static String hostOf(String website) {
    if (website == null || website.isBlank()) {
      return null;
    }
    String host = website.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
    host = host.replaceFirst("[/:?#].*$", "");
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private CompletableFuture<?> send(LeadStatusChanged status) {
    return traces.inTraceOf(
        status.captureId(),
        () -> kafka.send(Topics.LEADS_STATUS.name(), status.captureId(), status));
  }

  /**
   * The capture as it arrived, on leads.to-create.DLT under the same key (hence the same
   * partition), with the reason in words, so that it can be re-driven once the cause is fixed.
   */
  private CompletableFuture<?> deadLetter(LeadCleared lead, String reason) {
    ProducerRecord<String, Object> record =
        new ProducerRecord<>(
            Topics.LEADS_TO_CREATE.deadLetter().name(),
            Topics.personKey(lead.orgId(), lead.personKey()),
            lead);
    record
        .headers()
        .add(LeadgateKafkaConfiguration.DLT_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    return traces.inTraceOf(lead.captureId(), () -> kafka.send(record));
  }
}
