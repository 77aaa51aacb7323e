package io.leadgate.testsupport;

/** The teams in {@code leadgate-test-tenants.yml}, for assertions and requests in tests. */
public final class TestTenants {

  /** Import this into a service test's configuration. */
  public static final String CONFIG_IMPORT =
      "spring.config.import=classpath:leadgate-test-tenants.yml";

  public static final String SERVICE_TOKEN = "test-service-token";

  public static final String ACME_ORG = "00D000000000ACMEA2";
  public static final String ACME_API_KEY = "acme-api-key";
  public static final String ACME_ADMIN_KEY = "acme-admin-key";
  public static final String ACME_CLIENT_ID = "acme-client";
  public static final String ACME_CLIENT_SECRET = "acme-secret";

  public static final String GLOBEX_ORG = "00D000000000GLXEA2";
  public static final String GLOBEX_API_KEY = "globex-api-key";

  private TestTenants() {}
}
