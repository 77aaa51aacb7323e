package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedTest {

  @Test
  void demoOrgLoadsFromTheClasspathAndServesWsc() throws ConnectionException {
    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withSeed("classpath:demo-org.json"))) {
      EmulatedOrg demo = emulator.org("00D00000000DEMO");
      assertThat(demo.orgId()).isEqualTo("00D00000000DEMOEA4");
      assertThat(emulator.org("00D00000000DEMOEA4").name()).isEqualTo("Demo Org");
      assertThat(demo.integrationUserId()).isEqualTo("00500000000INTGAA4");
      assertThat(demo.records("User"))
          .extracting(u -> u.get("Name"))
          .containsExactly("Leadgate Integration", "Jane Roe", "Sam Seller");

      ConnectorConfig cfg = new ConnectorConfig();
      cfg.setSessionId(demo.openSession());
      cfg.setServiceEndpoint(emulator.soapEndpoint() + "/" + demo.orgId15());
      PartnerConnection conn = new PartnerConnection(cfg);
      QueryResult result =
          conn.query(
              "SELECT FirstName, LastName, Company, Owner.Name, Owner.Email FROM Lead WHERE Email = 'ada@lovelace.example'");
      SObject ada = result.getRecords()[0];
      assertThat(ada.getField("FirstName")).isEqualTo("Ada");
      assertThat(ada.getField("Company")).isEqualTo("Analytical Engines");
      assertThat(ada.getChild("Owner").getField("Name")).isEqualTo("Jane Roe");
      assertThat(ada.getChild("Owner").getField("Email")).isEqualTo("jane@demo.example");
      assertThat(
              conn.query("SELECT Id FROM Contact WHERE Account.Name = 'Acme Corporation'")
                  .getSize())
          .isEqualTo(2);
      assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(15000);
    }
  }

  @Test
  void seedFilesFromDiskAndBadSeedsFailTheStart(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(
        good,
        "{\"orgs\":[{\"name\":\"F\",\"clientId\":\"f\",\"clientSecret\":\"s\",\"records\":{\"Account\":[{\"Name\":\"A\"}]}}]}");
    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withSeed(good.toString()))) {
      assertThat(emulator.orgs()).hasSize(1);
      assertThat(emulator.orgs().get(0).records("Account")).hasSize(1);
    }
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"orgs\":[{\"name\":\"F\",\"clientId\":\"f\",\"clientSecret\":\"s\",\"typo\":1}]}");
    assertThatThrownBy(
            () -> SalesforceEmulator.start(EmulatorConfig.defaults().withSeed(bad.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typo");
  }

  @Test
  void seedingKeepsUniqueFieldsUniqueButSkipsValidation() {
    try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults())) {
      EmulatedOrg org = emulator.createOrg(OrgSpec.of("S", "s", "s"));
      String id =
          org.seed(
              "Lead",
              Map.of(
                  "LastName", "NoCompany", "Email", "not-an-email", "Leadgate_Person_Key__c", "K"));
      assertThat(org.record(id).orElseThrow())
          .containsEntry("Company", null)
          .containsEntry("OwnerId", org.integrationUserId());
      assertThatThrownBy(
              () -> org.seed("Lead", Map.of("LastName", "Dup", "Leadgate_Person_Key__c", "k")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duplicate value found");
      assertThatThrownBy(() -> org.seed("Lead", Map.of("Nope", "x")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(org.apiCallsInWindow()).isZero();
    }
  }

  @Test
  void mainParsesArgumentsAndDescribesTheEmulator() {
    EmulatorConfig defaults = EmulatorMain.parse(new String[0], EmulatorConfig.defaults());
    assertThat(defaults.port()).isEqualTo(8090);
    assertThat(defaults.seedLocations()).containsExactly("classpath:demo-org.json");

    EmulatorConfig custom =
        EmulatorMain.parse(
            new String[] {
              "--port", "0", "--seed", "a.json", "--seed", "b.json", "--admin-token", "t"
            },
            EmulatorConfig.defaults());
    assertThat(custom.port()).isZero();
    assertThat(custom.seedLocations()).isEqualTo(List.of("a.json", "b.json"));
    assertThat(custom.adminToken()).isEqualTo("t");
    assertThatThrownBy(
            () -> EmulatorMain.parse(new String[] {"--bogus", "1"}, EmulatorConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class);

    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withSeed("classpath:demo-org.json"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      EmulatorMain.describe(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains(emulator.baseUrl().toString())
          .contains("00D00000000DEMOEA4")
          .contains("demo-client");
    }
  }
}
