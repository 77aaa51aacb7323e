package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.contracts.Topics;
import io.leadgate.salesforce.CreateOutcome;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.service.budget.Allowance;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.writer.WriterProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Creates a batch of cleared captures, one create call per org, each record carrying Leadgate's
 * person key in a unique external-id field so that Salesforce itself refuses a second record for
 * the same person (a retry, or two reps at once).
 */
@Service
public class RecordCreation {

  private static final Logger log = LoggerFactory.getLogger(RecordCreation.class);

  private final SalesforceClients salesforce;
  private final BudgetClient budget;
  private final KafkaTemplate<String, Object> kafka;
  private final WriterProperties properties;
  private final Clock clock;

  public RecordCreation(
      SalesforceClients salesforce,
      BudgetClient budget,
      KafkaTemplate<String, Object> kafka,
      WriterProperties properties,
      Clock clock) {
    this.salesforce = salesforce;
    this.budget = budget;
    this.kafka = kafka;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Creates the records in order, up to the first one whose org has no allowance.
   *
   * @return how many, from the start of the list, were decided; the rest are delivered again later
   */
  public int create(List<LeadCleared> leads) {
    Map<String, List<Integer>> indexesByOrg = new LinkedHashMap<>();
    for (int i = 0; i < leads.size(); i++) {
      indexesByOrg.computeIfAbsent(leads.get(i).orgId(), org -> new ArrayList<>()).add(i);
    }
    Map<String, Allowance> allowances = new LinkedHashMap<>();
    int decided = leads.size();
    for (Map.Entry<String, List<Integer>> org : indexesByOrg.entrySet()) {
      int calls =
          (org.getValue().size() + SalesforceClient.MAX_CREATE_BATCH - 1)
              / SalesforceClient.MAX_CREATE_BATCH;
      Allowance allowance = budget.request(org.getKey(), calls, BudgetClient.Purpose.CREATE);
      allowances.put(org.getKey(), allowance);
      if (allowance.granted() < calls) {
        decided = Math.min(decided, org.getValue().get(0));
      }
    }
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> org : indexesByOrg.entrySet()) {
      int cutoff = decided;
      List<LeadCleared> now =
          org.getValue().stream().filter(i -> i < cutoff).map(leads::get).toList();
      Allowance allowance = allowances.get(org.getKey());
      if (now.isEmpty()) {
        budget.report(org.getKey(), allowance, 0);
        continue;
      }
      sends.addAll(createForOrg(org.getKey(), now, allowance));
    }
    for (LeadCleared later : leads.subList(decided, leads.size())) {
      Instant at = clock.instant();
      sends.add(
          send(
              status(later, LeadState.DEFERRED, at)
                  .withReason(
                      "The org is at Leadgate's API cap; the record is created when the window"
                          + " frees up.",
                      at.plus(properties.retryAfter()))));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    return decided;
  }

  private List<CompletableFuture<?>> createForOrg(
      String orgId, List<LeadCleared> leads, Allowance allowance) {
    SalesforceClient client = salesforce.forOrg(orgId);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int from = 0; from < leads.size(); from += SalesforceClient.MAX_CREATE_BATCH) {
      List<LeadCleared> batch =
          leads.subList(from, Math.min(leads.size(), from + SalesforceClient.MAX_CREATE_BATCH));
      List<CreateOutcome> outcomes;
      try {
        outcomes = client.create(batch.stream().map(this::toRecord).toList());
      } finally {
        budget.report(orgId, allowance, 1);
      }
      double share = 1.0 / batch.size();
      Instant now = clock.instant();
      for (int i = 0; i < batch.size(); i++) {
        LeadCleared lead = batch.get(i);
        sends.add(
            send(toStatus(lead, outcomes.get(i), now).withApiCalls(lead.checkCalls() + share)));
      }
    }
    return sends;
  }

  private LeadStatusChanged toStatus(LeadCleared lead, CreateOutcome outcome, Instant now) {
    String object = lead.target() == RecordTarget.CONTACT ? "Contact" : "Lead";
    if (outcome instanceof CreateOutcome.Created created) {
      log.info("Capture {} created {} {}", lead.captureId(), object, created.id());
      return status(lead, LeadState.CREATED, now).withSalesforceId(created.id());
    }
    if (outcome instanceof CreateOutcome.DuplicateValue existing) {
      // Another capture of the same person (or an earlier attempt of this one) made the record.
      return status(lead, LeadState.DUPLICATE, now)
          .withMatch(
              new MatchedRecord(object, existing.existingId(), null, null, "personKey", 1.0));
    }
    if (outcome instanceof CreateOutcome.DuplicatesDetected detected
        && !detected.matches().isEmpty()) {
      CreateOutcome.Match match = detected.matches().get(0);
      return status(lead, LeadState.DUPLICATE, now)
          .withMatch(
              new MatchedRecord(
                  match.object(), match.id(), null, null, "duplicateRule", match.confidence()));
    }
    CreateOutcome.Rejected rejected =
        outcome instanceof CreateOutcome.Rejected r
            ? r
            : new CreateOutcome.Rejected("DUPLICATES_DETECTED", "Duplicate rule fired", List.of());
    return status(lead, LeadState.FAILED, now)
        .withReason(rejected.statusCode() + ": " + rejected.message(), null);
  }

  private NewRecord toRecord(LeadCleared lead) {
    LeadDetails details = lead.lead();
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "FirstName", details.firstName());
    put(fields, "LastName", details.lastName());
    put(fields, "Email", details.email() == null ? null : details.email().strip());
    put(fields, "Phone", details.phone());
    put(fields, "Title", details.title());
    put(fields, properties.linkedinField(), details.linkedinUrl());
    put(fields, "LeadSource", properties.leadSource());
    put(fields, properties.personKeyField(), lead.personKey());
    if (lead.target() == RecordTarget.CONTACT) {
      return new NewRecord("Contact", fields);
    }
    put(fields, "Company", details.company() == null ? "[not provided]" : details.company());
    return new NewRecord("Lead", fields);
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value);
    }
  }

  private static LeadStatusChanged status(LeadCleared lead, LeadState state, Instant now) {
    return LeadStatusChanged.of(lead.captureId(), lead.teamId(), lead.orgId(), state, now);
  }

  private CompletableFuture<?> send(LeadStatusChanged status) {
    return kafka.send(Topics.LEADS_STATUS.name(), status.captureId(), status);
  }
}
