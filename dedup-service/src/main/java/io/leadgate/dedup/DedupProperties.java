package io.leadgate.dedup;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param budgetServiceUrl where allowances are asked for
 * @param retryAfter how long the captures of an org without allowance (or refused for its daily
 *     limit) wait in the delay queue before the next attempt, and how long a batch waits when
 *     Salesforce failed
 * @param phoneRegion the region for phone numbers typed without a country code
 * @param lookup SEARCH: one SOSL search covers Leads and Contacts (one call per batch); QUERY: one
 *     SOQL query per object (two calls, no index lag)
 * @param fuzzyThreshold the name+company score from which a record is the same person (BLUE only)
 * @param recentTtl how long a person Leadgate found or created is remembered
 * @param recentCapacity how many identity keys are remembered
 * @param inFlightWait how long a capture waits for another capture of the same person that is on
 *     its way to creation, before it is sent on anyway (the writer's unique person key still
 *     prevents a second record)
 * @param fuzzyCacheTtl how long the candidates of a last name searched for fuzzy matching answer
 *     later batches without a search (records created in Salesforce by others meanwhile are missed
 *     that long; SOSL's own index lags by minutes)
 * @param fuzzyCacheCapacity how many such candidates are held, over all orgs
 */
@ConfigurationProperties("leadgate.dedup")
@Validated
public record DedupProperties(
    @NotNull URI budgetServiceUrl,
    @NotNull Duration retryAfter,
    @NotBlank String phoneRegion,
    boolean foldPlusTags,
    @NotNull Lookup lookup,
    @DecimalMin("0.5") @DecimalMax("1.0") double fuzzyThreshold,
    @NotNull Duration recentTtl,
    @Min(100) int recentCapacity,
    @NotNull Duration inFlightWait,
    @NotNull Duration fuzzyCacheTtl,
    @Min(0) int fuzzyCacheCapacity) {

  /** How candidates are looked up in Salesforce. */
  public enum Lookup {
    SEARCH,
    QUERY
  }
}
