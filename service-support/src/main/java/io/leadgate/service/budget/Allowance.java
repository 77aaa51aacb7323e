package io.leadgate.service.budget;

import io.leadgate.contracts.BudgetMode;
import java.time.Instant;

/** Calls budget-service granted, to spend before {@code expiresAt} and then report. */
public record Allowance(long granted, String leaseId, Instant expiresAt, BudgetMode mode) {

  /** Nothing granted: the org is at its cap, or budget-service did not answer. */
  public static Allowance none() {
    return new Allowance(0, null, null, BudgetMode.EXHAUSTED);
  }
}
