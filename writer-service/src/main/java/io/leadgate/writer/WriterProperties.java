package io.leadgate.writer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param retryAfter how long a capture waits when the org has no allowance or Salesforce refused
 *     for its daily limit (DEFERRED)
 * @param batchSize records per create call and per poll (Salesforce takes at most 200)
 * @param batchWait how long a poll may wait for a fuller batch; none: a poll takes what is there,
 *     and what arrives while one batch is created is the next (few records per create call when the
 *     writer keeps up, which it mostly does)
 * @param concurrency consumer threads of {@code leads.to-create} (and of its delay queue) in one
 *     instance, each creating the batches of its own partitions, as that many instances would: a
 *     person's records are on one partition, so one thread handles them in order
 * @param leadSource the LeadSource every created record carries unless a team maps it otherwise
 * @param personKeyField the unique, case-insensitive external-id field holding Leadgate's person
 *     key
 * @param transientRetry back-off for network failures, timeouts and 5xx answers
 * @param salesforce timeouts of the WSC connections the writer opens
 * @param teams per-team settings by team id; teams not listed get the standard mapping
 * @param freeMailDomains e-mail domains that never name a company's Account
 */
@ConfigurationProperties("leadgate.writer")
@Validated
public record WriterProperties(
    @NotNull URI budgetServiceUrl,
    @NotNull Duration retryAfter,
    @Min(1) @Max(200) int batchSize,
    @NotNull Duration batchWait,
    @Min(1) @Max(6) int concurrency,
    @NotBlank String leadSource,
    @NotBlank String linkedinField,
    @NotBlank String personKeyField,
    @Valid TransientRetry transientRetry,
    @Valid SalesforceTimeouts salesforce,
    Map<String, @Valid TeamSettings> teams,
    Set<String> freeMailDomains) {

  public WriterProperties {
    transientRetry =
        transientRetry == null
            ? new TransientRetry(
                Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60))
            : transientRetry;
    salesforce =
        salesforce == null
            ? new SalesforceTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
            : salesforce;
    teams = teams == null ? Map.of() : Map.copyOf(teams);
    freeMailDomains = freeMailDomains == null ? Set.of() : Set.copyOf(freeMailDomains);
  }

  /** The team's settings, or the standard ones for a team without any. */
  public TeamSettings team(String teamId) {
    return teams.getOrDefault(teamId, TeamSettings.STANDARD);
  }

  /**
   * Transient failures are retried without a cap on attempts: inside the listener with exponential
   * back-off for {@code window}, then by the container's error handler every {@code max}, so that
   * one poll never outlives {@code max.poll.interval.ms}.
   */
  public record TransientRetry(
      @NotNull Duration initial, @NotNull Duration max, @NotNull Duration window) {}

  /** WSC timeouts; a read timeout shorter than Salesforce's answer makes a create ambiguous. */
  public record SalesforceTimeouts(
      @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}

  /**
   * How one team's records are written.
   *
   * @param fields Salesforce field ← capture value; empty means the standard mapping
   * @param defaults constant values, e.g. LeadSource or a custom picklist; they win over {@code
   *     fields}
   * @param assignmentRules let the org's default assignment rule choose a Lead's owner
   * @param createAccounts create the Account when no Account matches a Contact's e-mail domain;
   *     otherwise the Contact is created without one
   */
  public record TeamSettings(
      List<@Valid FieldRule> fields,
      List<@Valid FieldValue> defaults,
      boolean assignmentRules,
      boolean createAccounts) {

    public static final TeamSettings STANDARD = new TeamSettings(null, null, false, false);

    public TeamSettings {
      fields = fields == null ? List.of() : List.copyOf(fields);
      defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }
  }

  /**
   * @param object "Lead" or "Contact"; null for both
   */
  public record FieldRule(String object, @NotBlank String field, @NotNull CaptureValue from) {}

  /**
   * @param object "Lead" or "Contact"; null for both
   */
  public record FieldValue(String object, @NotBlank String field, @NotNull String value) {}

  /** What a mapped field takes from the capture. */
  public enum CaptureValue {
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    PHONE,
    COMPANY,
    TITLE,
    LINKEDIN_URL,
    CAPTURED_BY,
    CAPTURE_ID
  }
}
