package io.leadgate.budget.settings;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetPacing;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.web.BearerAuthenticationFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The org's budget as its team sees it, and its settings, which only the team admin changes. */
@RestController
@RequestMapping("/api/v1/orgs/{orgId}/budget")
class BudgetController {

  private final BudgetSettingsService budgets;

  BudgetController(BudgetSettingsService budgets) {
    this.budgets = budgets;
  }

  /** The settings JSON of GET and PUT. */
  record SettingsBody(
      @Min(1) @Max(100) int capPercent,
      @Min(1) @Max(100) int goldenPercent,
      @NotNull BudgetPacing pacing,
      @Min(0) long reserveCalls) {}

  /**
   * @param leadgateUsage Leadgate's calls that may still be in the window (reported or granted)
   * @param otherUsage the rest of the estimated usage: other integrations
   * @param headroom calls Leadgate may still be granted now
   * @param affordableCaptures the headroom in captures at the configured calls per capture
   * @param windowFreesAt when calls next leave the window (null: nothing known to leave)
   */
  record BudgetView(
      String orgId,
      long dailyLimit,
      long observedUsage,
      Instant observedAt,
      long estimatedUsage,
      long leadgateUsage,
      long otherUsage,
      long outstandingGrants,
      long capCalls,
      long headroom,
      long affordableCaptures,
      BudgetMode mode,
      Instant windowFreesAt,
      SettingsBody settings) {}

  @GetMapping
  BudgetView budget(
      @PathVariable String orgId,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireVisible(orgId, caller);
    return budgets.view(orgId);
  }

  @PutMapping
  BudgetView change(
      @PathVariable String orgId,
      @Valid @RequestBody SettingsBody settings,
      @RequestAttribute(BearerAuthenticationFilter.CALLER) Caller caller) {
    requireVisible(orgId, caller);
    if (!(caller instanceof Caller.TeamAdmin admin)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Only the team's admin key may change the budget settings");
    }
    return budgets.change(orgId, settings, "admin:" + admin.tenant().teamId());
  }

  private static void requireVisible(String orgId, Caller caller) {
    if (!caller.mayAccessOrg(orgId)) {
      // Another team's org is indistinguishable from an unknown one.
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such org");
    }
  }
}
