package io.leadgate.budget.dashboard;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The live dashboard.
 *
 * @param window how far back leads per minute and calls per lead reach
 * @param duplicates how many of the latest duplicates are shown
 * @param ticketTtl how long a stream ticket can be redeemed (once)
 * @param pushInterval how often changed orgs are pushed to their streams
 * @param streamTimeout how long one stream stays open before the page reconnects
 * @param groupId the dashboard consumers' group: one per instance, since every instance serves any
 *     team's stream and so must see every event
 */
@ConfigurationProperties("leadgate.dashboard")
@Validated
public record DashboardProperties(
    @NotNull Duration window,
    @Min(1) int duplicates,
    @NotNull Duration ticketTtl,
    @NotNull Duration pushInterval,
    @NotNull Duration streamTimeout,
    @NotBlank String groupId) {}
