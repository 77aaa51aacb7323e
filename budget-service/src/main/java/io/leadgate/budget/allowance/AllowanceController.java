package io.leadgate.budget.allowance;

import io.leadgate.budget.allocation.Purpose;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
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

  AllowanceController(BudgetLedger ledger) {
    this.ledger = ledger;
  }

  record AllowanceRequest(@Min(1) @Max(10_000) long calls, @NotNull Purpose purpose) {}

  record AllowanceGranted(long granted, String leaseId, Instant expiresAt, BudgetMode mode) {}

  record UsageReport(@Min(0) long used) {}

  @PostMapping("/allowances")
  AllowanceGranted request(
      @PathVariable String orgId,
      @Valid @RequestBody AllowanceRequest request,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireService(caller);
    BudgetLedger.Grant grant = ledger.request(orgId, request.calls(), request.purpose());
    return new AllowanceGranted(
        grant.lease().granted(), grant.lease().leaseId(), grant.lease().expiresAt(), grant.mode());
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

  private static void requireService(Caller caller) {
    if (!(caller instanceof Caller.Service)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Allowances are granted to Leadgate's services only");
    }
  }
}
