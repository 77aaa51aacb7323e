package io.leadgate.contracts;

import java.time.Instant;

/**
 * An org's team admin changed its budget settings. On {@link Topics#BUDGET_AUDIT} keyed by org id
 * (the audit trail: who, when, before and after); budget-service also keeps the latest per org in
 * its own compacted settings topic, where {@code after} is the org's current settings.
 *
 * @param changedBy who changed them, e.g. {@code admin:acme}
 * @param before the settings in force until now (the service defaults for an org never changed)
 */
public record BudgetSettingsChanged(
    int schemaVersion,
    String orgId,
    String changedBy,
    Instant changedAt,
    Settings before,
    Settings after) {

  public static final int VERSION = 1;

  /**
   * One org's budget settings.
   *
   * @param capPercent the share (1–100) of the org's daily limit up to which the org's total usage
   *     may go with Leadgate's calls
   * @param goldenPercent the share (1–100) of the cap from which duplicate reports degrade (GOLDEN)
   * @param pacing whether Leadgate's calls are spread over the window
   * @param reserveCalls calls under the cap that only creates may use, not checks
   */
  public record Settings(
      int capPercent, int goldenPercent, BudgetPacing pacing, long reserveCalls) {}
}
