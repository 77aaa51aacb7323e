package io.leadgate.salesforce;

import java.time.Instant;

/**
 * The org's API usage as the last response's LimitInfoHeader reported it.
 *
 * @param used calls in the org's rolling 24 hours, every integration included
 * @param limit the org's daily limit
 * @param requestedAt when the request that brought this header was sent (the client's clock): a
 *     lower bound of the moment Salesforce counted {@code used}, so calls that ended before it are
 *     included
 */
public record ApiUsage(String orgId, long used, long limit, Instant requestedAt) {}
