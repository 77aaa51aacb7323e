package io.leadgate.emulator;

import java.util.List;
import java.util.Objects;

/**
 * What an emulated org looks like when created. Use {@link #of} and the withers rather than the
 * canonical constructor: components may be added as the emulator grows.
 *
 * @param orgId 15- or 18-character 00D id, or null to generate one
 * @param name organization name
 * @param clientId OAuth consumer key of the connected app
 * @param clientSecret OAuth consumer secret
 * @param dailyApiLimit API REQUESTS limit of the rolling 24-hour window; 0 means 15,000 (Developer
 *     Edition)
 * @param users users; the integration user runs OAuth sessions; empty gives one default user
 * @param customFields custom fields on top of the defaults LinkedIn_URL__c and
 *     Leadgate_Person_Key__c on Lead and Contact
 * @param loginAllowed whether SOAP login() works; false refuses it like a real 65.0 org
 * @param backgroundUsage API calls made by "other integrations", added to the reported usage
 * @param overshootFactor how far usage may exceed the limit before REQUEST_LIMIT_EXCEEDED
 *     (Salesforce lets orgs run over); 0 means 1.0
 * @param jwtPublicKeyPem PEM public key or certificate that verifies JWT bearer assertions, may be
 *     null (the grant is then refused)
 */
public record OrgSpec(
    String orgId,
    String name,
    String clientId,
    String clientSecret,
    long dailyApiLimit,
    List<UserSpec> users,
    List<CustomFieldSpec> customFields,
    boolean loginAllowed,
    long backgroundUsage,
    double overshootFactor,
    String jwtPublicKeyPem) {

  public static final long DEFAULT_DAILY_API_LIMIT = 15_000;

  public OrgSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    users = users == null ? List.of() : List.copyOf(users);
    customFields = customFields == null ? List.of() : List.copyOf(customFields);
    if (dailyApiLimit < 0 || backgroundUsage < 0 || overshootFactor < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    if (dailyApiLimit == 0) {
      dailyApiLimit = DEFAULT_DAILY_API_LIMIT;
    }
    if (overshootFactor == 0) {
      overshootFactor = 1.0;
    }
  }

  /** An org with a generated id, default limits and one default integration user. */
  public static OrgSpec of(String name, String clientId, String clientSecret) {
    return new OrgSpec(
        null, name, clientId, clientSecret, 0, List.of(), List.of(), false, 0, 1.0, null);
  }

  public OrgSpec withOrgId(String id) {
    return new OrgSpec(
        id,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        customFields,
        loginAllowed,
        backgroundUsage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withDailyApiLimit(long limit) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        limit,
        users,
        customFields,
        loginAllowed,
        backgroundUsage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withUsers(List<UserSpec> newUsers) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        newUsers,
        customFields,
        loginAllowed,
        backgroundUsage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withCustomFields(List<CustomFieldSpec> fields) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        fields,
        loginAllowed,
        backgroundUsage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withLoginAllowed(boolean allowed) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        customFields,
        allowed,
        backgroundUsage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withBackgroundUsage(long usage) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        customFields,
        loginAllowed,
        usage,
        overshootFactor,
        jwtPublicKeyPem);
  }

  public OrgSpec withOvershootFactor(double factor) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        customFields,
        loginAllowed,
        backgroundUsage,
        factor,
        jwtPublicKeyPem);
  }

  public OrgSpec withJwtPublicKeyPem(String pem) {
    return new OrgSpec(
        orgId,
        name,
        clientId,
        clientSecret,
        dailyApiLimit,
        users,
        customFields,
        loginAllowed,
        backgroundUsage,
        overshootFactor,
        pem);
  }
}
