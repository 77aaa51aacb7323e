package io.leadgate.salesforce;

/**
 * The org's API usage as the last response's LimitInfoHeader reported it.
 *
 * @param used calls in the org's rolling 24 hours, every integration included
 * @param limit the org's daily limit
 */
public record ApiUsage(String orgId, long used, long limit) {}
