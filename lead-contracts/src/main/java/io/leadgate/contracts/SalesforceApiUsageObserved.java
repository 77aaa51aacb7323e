package io.leadgate.contracts;

import java.time.Instant;

/**
 * Usage read from a Salesforce response's LimitInfoHeader, on {@link Topics#SALESFORCE_API_USAGE}
 * keyed by org id. Budget-service reconciles its count with it.
 *
 * @param used the org's calls in the rolling 24 hours, every integration included
 * @param limit the org's daily limit
 * @param source the service that made the call
 */
public record SalesforceApiUsageObserved(
    int schemaVersion, String orgId, long used, long limit, String source, Instant observedAt) {

  public static final int VERSION = 1;
}
