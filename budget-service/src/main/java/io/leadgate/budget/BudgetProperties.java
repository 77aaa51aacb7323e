package io.leadgate.budget;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults for every org until its admin changes them.
 *
 * @param defaultDailyLimit the org's limit until Salesforce has reported it
 * @param capPercent the share of the limit the org's usage may reach with Leadgate's calls
 * @param goldenPercent the share of the cap from which reporting degrades (the golden cloud)
 * @param leaseDuration how long a grant stays spendable; unreported grants count as spent until
 *     then
 * @param statusInterval how often the budget is published even when nothing changed
 */
@ConfigurationProperties("leadgate.budget")
@Validated
public record BudgetProperties(
    @Min(1) long defaultDailyLimit,
    @Min(1) @Max(100) int capPercent,
    @Min(1) @Max(100) int goldenPercent,
    @NotNull Duration leaseDuration,
    @NotNull Duration statusInterval) {}
