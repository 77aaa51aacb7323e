package io.leadgate.budget.allowance;

import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.Purpose;
import io.leadgate.budget.store.RunFence;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Allowances for Leadgate's own services (service token only). */
@RestController
@RequestMapping("/api/v1/orgs/{orgId}")
class AllowanceController {

  private final BudgetLedger ledger;
  private final RunFence fence;

  AllowanceController(BudgetLedger ledger, RunFence fence) {
    this.ledger = ledger;
    this.fence = fence;
  }

  // The bodies are checked here instead of by Bean Validation: these endpoints answer every
  // Salesforce call dedup and writer make, and a validator walk per element cost more than the
  // decision itself (flight recording, see README "Allowance throughput").
  record AllowanceRequest(long calls, Purpose purpose) {}

  record AllowanceGranted(long granted, String leaseId, Instant expiresAt, BudgetMode mode) {}

  record UsageReport(long used) {}

  /** Several allowances in one HTTP call: each is its own decision with its own lease. */
  record AllowanceBatch(List<AllowanceRequest> requests) {}

  record AllowancesGranted(List<AllowanceGranted> grants) {}

  /** One lease's report in a batch of reports. */
  record LeaseUsage(String leaseId, long used) {}

  /** Several leases' reports in one HTTP call, as {@link #report} each. */
  record UsageReports(List<LeaseUsage> reports) {}

  static final int MAX_CALLS = 10_000;
  static final int MAX_BATCH = 100;

  @PostMapping("/allowances")
  AllowanceGranted request(
      @PathVariable String orgId,
      @RequestBody AllowanceRequest request,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    check(request, "");
    requireActive();
    return granted(ledger.request(orgId, request.calls(), request.purpose()));
  }

  /**
   * The same decisions as {@link #request}, in the order given, under one hold of the org's lock;
   * answered in that order. Callers with several batches ready (writer and dedup partitions) pay
   * one HTTP round trip instead of one each.
   */
  @PostMapping("/allowances/batch")
  AllowancesGranted requestAll(
      @PathVariable String orgId,
      @RequestBody AllowanceBatch batch,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    List<AllowanceRequest> requests = batch.requests();
    checkSize(requests, "requests");
    BudgetLedger.Ask[] asks = new BudgetLedger.Ask[requests.size()];
    for (int i = 0; i < asks.length; i++) {
      AllowanceRequest request = requests.get(i);
      check(request, "requests[" + i + "].");
      asks[i] = new BudgetLedger.Ask(request.calls(), request.purpose());
    }
    requireActive();
    BudgetLedger.Grant[] grants = ledger.requestAll(orgId, asks);
    AllowanceGranted[] answers = new AllowanceGranted[grants.length];
    for (int i = 0; i < grants.length; i++) {
      answers[i] = granted(grants[i]);
    }
    return new AllowancesGranted(Arrays.asList(answers));
  }

  @PostMapping("/allowances/{leaseId}/usage")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void report(
      @PathVariable String orgId,
      @PathVariable String leaseId,
      @RequestBody UsageReport report,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    checkUsed(report.used(), "used");
    ledger.report(orgId, leaseId, report.used());
  }

  /**
   * The same reports as {@link #report}, under one hold of the org's lock: a caller that took a
   * batch of allowances returns them in one round trip. Unknown or already reported leases are
   * skipped, as one by one.
   */
  @PostMapping("/allowances/usage")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reportAll(
      @PathVariable String orgId,
      @RequestBody UsageReports batch,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    List<LeaseUsage> reports = batch.reports();
    checkSize(reports, "reports");
    String[] leaseIds = new String[reports.size()];
    long[] used = new long[reports.size()];
    for (int i = 0; i < leaseIds.length; i++) {
      LeaseUsage report = reports.get(i);
      if (report == null || report.leaseId() == null || report.leaseId().isBlank()) {
        throw invalid("reports[" + i + "].leaseId: must not be blank");
      }
      checkUsed(report.used(), "reports[" + i + "].used");
      leaseIds[i] = report.leaseId();
      used[i] = report.used();
    }
    ledger.reportAll(orgId, leaseIds, used);
  }

  private static AllowanceGranted granted(BudgetLedger.Grant grant) {
    Lease lease = grant.lease();
    return new AllowanceGranted(lease.granted(), lease.leaseId(), lease.expiresAt(), grant.mode());
  }

  private static void check(AllowanceRequest request, String at) {
    if (request == null) {
      throw invalid(at.isEmpty() ? "a request body is required" : at + " must not be null");
    }
    if (request.calls() < 1 || request.calls() > MAX_CALLS) {
      throw invalid(at + "calls: must be between 1 and " + MAX_CALLS);
    }
    if (request.purpose() == null) {
      throw invalid(at + "purpose: must be CHECK or CREATE");
    }
  }

  private static void checkSize(List<?> list, String name) {
    if (list == null || list.isEmpty() || list.size() > MAX_BATCH) {
      throw invalid(name + ": between 1 and " + MAX_BATCH + " entries");
    }
  }

  private static void checkUsed(long used, String name) {
    if (used < 0) {
      throw invalid(name + ": must be at least 0");
    }
  }

  private static ResponseStatusException invalid(String detail) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
  }

  /** Only one run grants (see {@link RunFence}); callers treat 503 as nothing granted. */
  private void requireActive() {
    if (!fence.active()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "This budget-service run is not the active one (another started later, or it cannot"
              + " confirm it is the last one); ask again");
    }
  }

  private static void requireService(Caller caller) {
    if (!(caller instanceof Caller.Service)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Allowances are granted to Leadgate's services only");
    }
  }
}
