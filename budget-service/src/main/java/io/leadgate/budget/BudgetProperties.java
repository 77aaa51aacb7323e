package io.leadgate.budget;

import io.leadgate.budget.allocation.Settings;
import io.leadgate.contracts.BudgetPacing;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How budget-service runs, and the settings of every org until its admin changes them.
 *
 * @param defaultDailyLimit the org's limit until Salesforce has reported it; keep it at or below
 *     the smallest limit an org can have, since it is trusted until the first observation
 * @param capPercent default share of the limit the org's usage may reach with Leadgate's calls
 * @param goldenPercent default share of the cap from which reporting degrades (the golden cloud)
 * @param pacing default pacing
 * @param reserveCalls default calls under the cap kept for creates
 * @param leaseDuration how long a grant stays spendable; unreported grants count as spent until
 *     Salesforce was observed after they expired. Also the learning time after an unclean restart.
 * @param observationSkew how much later than Salesforce's count a usage reading may be stamped (the
 *     longest Salesforce call); a reported call counts until a reading this much after the report,
 *     for readings that do not carry the moment their request was sent
 * @param clockTolerance how far the clock of a service calling Salesforce may be ahead of this
 *     one's: a reading vouches for the calls that ended before its request time less this
 * @param runFence how long this run may go without confirming that no later run has started before
 *     it stops granting; a new run waits this long too before it grants (see {@code RunFence})
 * @param statusInterval how often the budget is published even when nothing changed
 * @param flushInterval how often Leadgate's own spend per minute is written to the state topic
 * @param callsPerCapture Salesforce calls one capture costs on average (dedup's and writer's
 *     batches together), for the forecast
 * @param settingsTopic compacted topic holding each org's latest settings
 * @param stateTopic compacted topic holding the ledger's own spend per minute, the leases at a
 *     clean stop and whether the last run stopped cleanly
 */
@ConfigurationProperties("leadgate.budget")
@Validated
public record BudgetProperties(
    @Min(1) long defaultDailyLimit,
    @Min(1) @Max(100) int capPercent,
    @Min(1) @Max(100) int goldenPercent,
    @NotNull BudgetPacing pacing,
    @Min(0) long reserveCalls,
    @NotNull Duration leaseDuration,
    @NotNull Duration observationSkew,
    @NotNull Duration clockTolerance,
    @NotNull Duration runFence,
    @NotNull Duration statusInterval,
    @NotNull Duration flushInterval,
    @DecimalMin("0.0001") double callsPerCapture,
    @NotBlank String settingsTopic,
    @NotBlank String stateTopic) {

  public Settings defaultSettings() {
    return new Settings(capPercent, goldenPercent, pacing, reserveCalls);
  }
}
