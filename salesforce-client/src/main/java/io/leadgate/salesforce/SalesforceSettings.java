package io.leadgate.salesforce;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one org.
 *
 * @param loginUrl where the OAuth token endpoint lives (never WSC's built-in default endpoint)
 * @param maxQueryChars the longest SOQL statement Leadgate builds; Salesforce refuses > 100,000
 * @param connections how many WSC connections to pool; each serves one call at a time
 */
public record SalesforceSettings(
    String orgId,
    URI loginUrl,
    String clientId,
    String clientSecret,
    Duration connectTimeout,
    Duration readTimeout,
    int maxQueryChars,
    int connections,
    String linkedinField,
    String personKeyField) {

  public static SalesforceSettings of(
      String orgId, URI loginUrl, String clientId, String clientSecret) {
    return new SalesforceSettings(
        orgId,
        loginUrl,
        clientId,
        clientSecret,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        20_000,
        4,
        "LinkedIn_URL__c",
        "Leadgate_Person_Key__c");
  }

  @Override
  public String toString() {
    return "SalesforceSettings[orgId="
        + orgId
        + ", loginUrl="
        + loginUrl
        + ", clientId="
        + clientId
        + ", clientSecret=<redacted>]";
  }
}
