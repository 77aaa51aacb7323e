package io.leadgate.testsupport;

import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.emulator.EmulatorConfig;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.SalesforceEmulator;
import io.leadgate.emulator.UserSpec;
import java.util.List;

/**
 * The JVM's shared Salesforce emulator, serving the test teams' orgs ({@link TestTenants}) with an
 * integration user and a rep, Jane Roe, who owns seeded records. Services reach it through {@link
 * #URL_PROPERTY}, which the test tenants' configuration reads.
 */
public final class TestSalesforce {

  /** Set this property to {@link #url()} in a service test's environment. */
  public static final String URL_PROPERTY = "LEADGATE_TEST_SALESFORCE_URL";

  public static final String OWNER_NAME = "Jane Roe";
  public static final String OWNER_EMAIL = "jane@acme.example";
  public static final String INTEGRATION_NAME = "Leadgate Integration";
  public static final String INTEGRATION_EMAIL = "integration@acme.example";

  private static SalesforceEmulator emulator;

  private TestSalesforce() {}

  public static synchronized SalesforceEmulator emulator() {
    if (emulator == null) {
      emulator = SalesforceEmulator.start(EmulatorConfig.defaults().withPort(0));
      create(
          TestTenants.ACME_ORG, "Acme", TestTenants.ACME_CLIENT_ID, TestTenants.ACME_CLIENT_SECRET);
      create(TestTenants.GLOBEX_ORG, "Globex", "globex-client", "globex-secret");
      Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
    }
    return emulator;
  }

  public static String url() {
    return emulator().baseUrl().toString();
  }

  public static EmulatedOrg acme() {
    return emulator().org(TestTenants.ACME_ORG);
  }

  /** The id of Jane Roe, a rep who owns records the tests seed. */
  public static String janeId(EmulatedOrg org) {
    return org.records("User").stream()
        .filter(user -> OWNER_EMAIL.equals(user.get("Email")))
        .map(user -> user.get("Id").toString())
        .findFirst()
        .orElseThrow();
  }

  private static void create(String orgId, String name, String clientId, String secret) {
    emulator.createOrg(
        OrgSpec.of(name, clientId, secret)
            .withOrgId(orgId)
            .withUsers(
                List.of(
                    UserSpec.integration("Leadgate", "Integration", INTEGRATION_EMAIL),
                    UserSpec.of("Jane", "Roe", OWNER_EMAIL))));
  }
}
