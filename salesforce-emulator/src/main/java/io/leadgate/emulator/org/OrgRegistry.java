package io.leadgate.emulator.org;

import io.leadgate.emulator.CustomFieldSpec;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.UserSpec;
import io.leadgate.emulator.id.IdGenerator;
import io.leadgate.emulator.id.SalesforceIds;
import io.leadgate.emulator.limits.ApiUsageWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The orgs of one emulator, addressable by org id, OAuth client id and username. */
public final class OrgRegistry {

  private final Clock clock;
  private final IdGenerator ids;
  private final Map<String, OrgState> byOrgId15 = new LinkedHashMap<>();

  public OrgRegistry(Clock clock, IdGenerator ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Creates an org from its spec.
   *
   * @throws IllegalArgumentException when the spec is invalid or clashes with an existing org
   */
  public synchronized OrgState create(OrgSpec spec) {
    String orgId =
        spec.orgId() == null
            ? ids.next("00D")
            : SalesforceIds.canonical(spec.orgId())
                .filter(id -> id.startsWith("00D"))
                .orElseThrow(
                    () -> new IllegalArgumentException("not a valid 00D org id: " + spec.orgId()));
    if (byOrgId15.containsKey(orgId.substring(0, 15))) {
      throw new IllegalArgumentException("org " + orgId + " already exists");
    }
    for (OrgState other : byOrgId15.values()) {
      if (other.clientId().equals(spec.clientId())) {
        throw new IllegalArgumentException(
            "client id " + spec.clientId() + " is already used by org " + other.orgId());
      }
    }
    List<CustomFieldSpec> customFields = new ArrayList<>(SchemaCatalog.defaultCustomFields());
    customFields.addAll(spec.customFields());
    SchemaCatalog schema = new SchemaCatalog(customFields);
    ApiUsageWindow usage =
        new ApiUsageWindow(
            clock, spec.dailyApiLimit(), spec.backgroundUsage(), spec.overshootFactor());
    OrgState org =
        new OrgState(
            orgId,
            spec.name(),
            spec.clientId(),
            spec.clientSecret(),
            schema,
            usage,
            ids,
            clock,
            spec.loginAllowed());
    List<UserSpec> users =
        spec.users().isEmpty()
            ? List.of(
                UserSpec.integration(
                    "Integration", "User", "integration@" + orgId.substring(0, 15) + ".example"))
            : spec.users();
    org.jwtPublicKeyPem(spec.jwtPublicKeyPem());
    addUsers(org, users);
    byOrgId15.put(org.orgId15(), org);
    return org;
  }

  private void addUsers(OrgState org, List<UserSpec> users) {
    boolean anyFlagged = users.stream().anyMatch(UserSpec::integrationUser);
    org.locked(
        () -> {
          RecordWriter writer = new RecordWriter(org);
          for (int i = 0; i < users.size(); i++) {
            UserSpec user = users.get(i);
            for (Map<String, Object> existing : org.store().all(SchemaCatalog.USER)) {
              if (user.username().equalsIgnoreCase((String) existing.get("Username"))) {
                throw new IllegalArgumentException("duplicate username " + user.username());
              }
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            if (user.id() != null) {
              fields.put("Id", user.id());
            }
            fields.put("FirstName", user.firstName());
            fields.put("LastName", user.lastName());
            fields.put("Email", user.email());
            fields.put("Username", user.username());
            fields.put("IsActive", user.active());
            String id = writer.seed(SchemaCatalog.USER, fields);
            if (user.integrationUser() || (!anyFlagged && i == 0)) {
              org.integrationUserId(id);
            }
            if (user.password() != null) {
              org.password(id, user.password());
            }
          }
          return null;
        });
  }

  /** Finds an org by its 15- or 18-character id. */
  public synchronized Optional<OrgState> find(String orgId) {
    if (orgId == null || (orgId.length() != 15 && orgId.length() != 18)) {
      return Optional.empty();
    }
    return SalesforceIds.canonical(orgId)
        .map(id -> byOrgId15.get(id.substring(0, 15)))
        .filter(org -> orgId.length() == 18 || org.orgId15().equals(orgId));
  }

  public synchronized Optional<OrgState> findByClientId(String clientId) {
    return byOrgId15.values().stream().filter(o -> o.clientId().equals(clientId)).findFirst();
  }

  /** Finds the org and user id for a username (usernames are unique across Salesforce). */
  public synchronized Optional<Map.Entry<OrgState, String>> findUser(String username) {
    for (OrgState org : byOrgId15.values()) {
      Optional<String> userId =
          org.locked(
              () ->
                  org.store().all(SchemaCatalog.USER).stream()
                      .filter(
                          u ->
                              username != null
                                  && username.equalsIgnoreCase((String) u.get("Username")))
                      .map(u -> (String) u.get("Id"))
                      .findFirst());
      if (userId.isPresent()) {
        return Optional.of(Map.entry(org, userId.get()));
      }
    }
    return Optional.empty();
  }

  public synchronized List<OrgState> all() {
    return List.copyOf(byOrgId15.values());
  }
}
