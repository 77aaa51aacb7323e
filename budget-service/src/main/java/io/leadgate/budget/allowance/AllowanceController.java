package io.leadgate.budget.allowance;

import io.leadgate.budget.allocation.Purpose;
import io.leadgate.budget.store.RunFence;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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

  record AllowanceRequest(@Min(1) @Max(10_000) long calls, @NotNull Purpose purpose) {}

  record AllowanceGranted(long granted, String leaseId, Instant expiresAt, BudgetMode mode) {}

  record UsageReport(@Min(0) long used) {}

  /** Several allowances in one HTTP call: each is its own decision with its own lease. */
  record AllowanceBatch(
      @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull AllowanceRequest> requests) {}

  record AllowancesGranted(List<AllowanceGranted> grants) {}

  @PostMapping("/allowances")
  AllowanceGranted request(
      @PathVariable String orgId,
      @Valid @RequestBody AllowanceRequest request,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    requireActive();
    BudgetLedger.Grant grant = ledger.request(orgId, request.calls(), request.purpose());
    return new AllowanceGranted(
        grant.lease().granted(), grant.lease().leaseId(), grant.lease().expiresAt(), grant.mode());
  }

  /**
   * The same decisions as {@link #request}, in the order given, under one hold of the org's lock;
   * answered in that order. Callers with several batches ready (writer and dedup partitions) pay
   * one HTTP round trip instead of one each.
   */
  @PostMapping("/allowances/batch")
  AllowancesGranted requestAll(
      @PathVariable String orgId,
      @Valid @RequestBody AllowanceBatch batch,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    requireActive();
    List<BudgetLedger.Ask> asks =
        batch.requests().stream()
            .map(request -> new BudgetLedger.Ask(request.calls(), request.purpose()))
            .toList();
    return new AllowancesGranted(
        ledger.requestAll(orgId, asks).stream()
            .map(
                grant ->
                    new AllowanceGranted(
                        grant.lease().granted(),
                        grant.lease().leaseId(),
                        grant.lease().expiresAt(),
                        grant.mode()))
            .toList());
  }

  @PostMapping("/allowances/{leaseId}/usage")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void report(
      @PathVariable String orgId,
      @PathVariable String leaseId,
      @Valid @RequestBody UsageReport report,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    ledger.report(orgId, leaseId, report.used());
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
