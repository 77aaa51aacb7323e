package io.leadgate.dedup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param budgetServiceUrl where allowances are asked for
 * @param retryAfter how long a batch waits when its org has no allowance left
 * @param phoneRegion the region for phone numbers typed without a country code
 */
@ConfigurationProperties("leadgate.dedup")
@Validated
public record DedupProperties(
    @NotNull URI budgetServiceUrl,
    @NotNull Duration retryAfter,
    @NotBlank String phoneRegion,
    boolean foldPlusTags) {}
