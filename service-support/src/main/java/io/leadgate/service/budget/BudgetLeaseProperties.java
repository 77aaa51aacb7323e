package io.leadgate.service.budget;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service holds BLUE leases from budget-service ({@link BudgetClient.LeaseHolding}): asked
 * for {@code prefetch} calls, carved locally for at most {@code holdFor}. {@code prefetch} 0: every
 * call has a lease of its own.
 */
@Validated
@ConfigurationProperties("leadgate.budget-leases")
public record BudgetLeaseProperties(
    @DefaultValue("10") @Min(0) long prefetch, @DefaultValue("1s") @NotNull Duration holdFor) {

  public BudgetClient.LeaseHolding holding() {
    return new BudgetClient.LeaseHolding(prefetch, holdFor);
  }
}
