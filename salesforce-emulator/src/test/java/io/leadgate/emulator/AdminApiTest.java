package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminApiTest {

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void requiresTheAdminToken() {
    HttpResponse<String> none =
        fixture.send(
            HttpRequest.newBuilder(URI.create(fixture.emulator.baseUrl() + "/admin/orgs")).build());
    HttpResponse<String> wrong =
        fixture.send(
            HttpRequest.newBuilder(URI.create(fixture.emulator.baseUrl() + "/admin/orgs"))
                .header("Authorization", "Bearer nope")
                .build());

    for (HttpResponse<String> response : List.of(none, wrong)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/problem+json");
      Map<String, Object> problem = fixture.json.readValue(response.body(), Map.class);
      assertThat(problem).containsEntry("status", 401).containsEntry("title", "Unauthorized");
    }
  }

  @Test
  void createsAnOrgWithUsersAndRecordsThenServesItOverSoap() throws ConnectionException {
    String spec =
        """
        {"orgId": "00D00000000ADMN", "name": "Admin Org", "clientId": "admin-client",
         "clientSecret": "admin-secret", "dailyApiLimit": 500,
         "users": [{"firstName": "Int", "lastName": "User", "email": "int@admin.example", "integrationUser": true},
                   {"id": "00500000000OWNR", "firstName": "Olga", "lastName": "Owner", "email": "olga@admin.example"}],
         "customFields": [{"sobjectType": "Lead", "name": "Score__c", "type": "Number"}],
         "records": {"Lead": [{"LastName": "Seeded", "Company": "Co", "OwnerId": "00500000000OWNR", "Score__c": 7}]}}
        """;
    HttpResponse<String> created = fixture.admin("POST", "/admin/orgs", spec);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, Object> summary = fixture.json.readValue(created.body(), Map.class);
    assertThat(summary)
        .containsEntry("orgId", "00D00000000ADMNEA4")
        .containsEntry("name", "Admin Org")
        .containsEntry("clientId", "admin-client");
    assertThat(fixture.admin("GET", "/admin/orgs", null).body()).contains("00D00000000ADMNEA4");

    EmulatedOrg org = fixture.emulator.org("00D00000000ADMN");
    Map<String, Object> token = fixture.token("admin-client", "admin-secret");
    PartnerConnection conn =
        fixture.connect((String) token.get("access_token"), (String) token.get("instance_url"));
    var record = conn.query("SELECT Score__c, Owner.Name FROM Lead").getRecords()[0];
    assertThat(record.getField("Score__c")).isEqualTo("7.0");
    assertThat(record.getChild("Owner").getField("Name")).isEqualTo("Olga Owner");
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(500);
    assertThat(org.apiCallsInWindow()).isEqualTo(1);
  }

  @Test
  void seedsListsAndClearsRecords() {
    String base = "/admin/orgs/" + fixture.org.orgId() + "/records/Lead";

    HttpResponse<String> one =
        fixture.admin("POST", base, "{\"LastName\":\"One\",\"Company\":\"X\"}");
    HttpResponse<String> many =
        fixture.admin(
            "POST",
            base,
            "[{\"LastName\":\"Two\",\"Company\":\"X\",\"CreatedDate\":\"2024-01-01T00:00:00Z\"},{\"LastName\":\"Three\"}]");

    assertThat(one.statusCode()).isEqualTo(201);
    assertThat(fixture.json.readValue(one.body(), Map.class).get("ids")).asList().hasSize(1);
    assertThat(fixture.json.readValue(many.body(), Map.class).get("ids")).asList().hasSize(2);
    List<Map<String, Object>> listed =
        fixture.json.readValue(fixture.admin("GET", base, null).body(), List.class);
    assertThat(listed).extracting(r -> r.get("LastName")).containsExactly("One", "Two", "Three");
    assertThat(listed.get(1))
        .containsEntry("CreatedDate", "2024-01-01T00:00:00.000Z")
        .containsEntry("IsConverted", false);

    assertThat(fixture.admin("DELETE", base, null).statusCode()).isEqualTo(204);
    assertThat(fixture.org.records("Lead")).isEmpty();
    assertThat(fixture.org.apiCallsInWindow()).isZero();
  }

  @Test
  void reportsProblemsForBadRequests() {
    String org = "/admin/orgs/" + fixture.org.orgId();
    assertProblem(fixture.admin("GET", "/admin/orgs/00D000000000404", null), 404);
    assertProblem(fixture.admin("GET", org + "/records/Opportunity", null), 404);
    assertProblem(fixture.admin("POST", org + "/records/Lead", "{\"Nope__c\":1}"), 400);
    assertProblem(fixture.admin("POST", "/admin/orgs", "{not json"), 400);
    assertProblem(
        fixture.admin(
            "POST",
            "/admin/orgs",
            "{\"name\":\"x\",\"clientId\":\"test-client\",\"clientSecret\":\"s\"}"),
        400);
    assertProblem(fixture.admin("PUT", org + "/limits", "{\"dailyApiLimit\":-1}"), 400);
    assertProblem(fixture.admin("PUT", org + "/settings", "{\"duplicateRules\":true}"), 400);
    assertProblem(fixture.admin("DELETE", org + "/api-usage", null), 405);
  }

  @Test
  void changesLimitsSettingsAndTheClock() throws ConnectionException {
    String org = "/admin/orgs/" + fixture.org.orgId();

    HttpResponse<String> limits =
        fixture.admin(
            "PUT",
            org + "/limits",
            "{\"dailyApiLimit\":20000,\"backgroundUsage\":150,\"overshootFactor\":1.1}");
    assertThat(fixture.json.readValue(limits.body(), Map.class))
        .containsEntry("limit", 20000)
        .containsEntry("backgroundUsage", 150)
        .containsEntry("overshootFactor", 1.1);

    HttpResponse<String> settings =
        fixture.admin("PUT", org + "/settings", "{\"loginAllowed\":true}");
    assertThat(settings.body())
        .isEqualTo("{\"loginAllowed\":true,\"duplicateRules\":\"OFF\",\"searchIndexDelayMs\":0}");
    assertThat(fixture.org.loginAllowed()).isTrue();

    HttpResponse<String> clock = fixture.admin("GET", "/admin/clock", null);
    assertThat(fixture.json.readValue(clock.body(), Map.class))
        .containsEntry("now", "2025-03-01T09:00:00Z");
    HttpResponse<String> advanced =
        fixture.admin("POST", "/admin/clock/advance", "{\"seconds\":7201}");
    assertThat(fixture.json.readValue(advanced.body(), Map.class))
        .containsEntry("now", "2025-03-01T11:00:01Z");
    assertThat(fixture.emulator.clock().instant()).isEqualTo("2025-03-01T11:00:01Z");
  }

  @Test
  void loginSucceedsOnceSettingsAllowItAndTheUserHasAPassword() throws ConnectionException {
    String spec =
        "{\"name\":\"L\",\"clientId\":\"l\",\"clientSecret\":\"s\",\"users\":[{\"lastName\":\"U\",\"email\":\"u@l.example\",\"password\":\"pw\"}]}";
    String orgId =
        (String)
            fixture
                .json
                .readValue(fixture.admin("POST", "/admin/orgs", spec).body(), Map.class)
                .get("orgId");
    fixture.admin("PUT", "/admin/orgs/" + orgId + "/settings", "{\"loginAllowed\":true}");

    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setAuthEndpoint(fixture.emulator.soapEndpoint());
    cfg.setUsername("u@l.example");
    cfg.setPassword("pw");
    PartnerConnection conn = new PartnerConnection(cfg);

    assertThat(conn.getUserInfo().getOrganizationId()).isEqualTo(orgId);
  }

  private void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    Map<String, Object> problem = fixture.json.readValue(response.body(), Map.class);
    assertThat(problem)
        .containsEntry("status", status)
        .containsKeys("type", "title", "detail", "instance");
  }
}
