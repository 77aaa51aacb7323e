package io.leadgate.dedup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How captures are batched into one Salesforce check: at most {@code maxSize} captures, or what
 * arrived within {@code maxWait}, whichever comes first.
 */
@ConfigurationProperties("leadgate.dedup.batch")
@Validated
public record BatchProperties(@Min(1) @Max(2000) int maxSize, @NotNull Duration maxWait) {}
