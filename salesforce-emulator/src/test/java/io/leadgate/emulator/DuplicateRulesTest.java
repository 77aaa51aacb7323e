package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.DuplicateError;
import com.sforce.soap.partner.DuplicateResult;
import com.sforce.soap.partner.FindDuplicatesResult;
import com.sforce.soap.partner.MatchResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standard duplicate rules and findDuplicates through the real WSC client. */
class DuplicateRulesTest {

  private EmulatorFixture fixture;
  private EmulatedOrg org;
  private PartnerConnection conn;
  private String ada;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    org = fixture.org;
    conn = fixture.connect();
    ada =
        org.seed(
            "Lead",
            Map.of(
                "FirstName", "Ada",
                "LastName", "Lovelace",
                "Company", "Analytical Engines Ltd",
                "Email", "ada@lovelace.example"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static SObject lead(String first, String last, String company, String email) {
    SObject s = new SObject("Lead");
    s.setField("FirstName", first);
    s.setField("LastName", last);
    s.setField("Company", company);
    s.setField("Email", email);
    return s;
  }

  @Test
  void rulesAreOffByDefault() throws ConnectionException {
    SaveResult[] saved =
        conn.create(new SObject[] {lead("Ada", "Lovelace", "X", "ADA@lovelace.example")});
    assertThat(saved[0].isSuccess()).isTrue();
  }

  @Test
  void blockRuleRefusesAnEmailMatchWithADuplicateError() throws ConnectionException {
    org.setDuplicateRules(DuplicateRuleMode.BLOCK);
    conn.setDuplicateRuleHeader(true, true, false);

    SaveResult[] saved =
        conn.create(
            new SObject[] {
              lead("Augusta", "King", "Other", "ADA@Lovelace.example"),
              lead("Grace", "Hopper", "Navy", "grace@navy.example")
            });

    assertThat(saved[0].isSuccess()).isFalse();
    assertThat(saved[0].getErrors()[0]).isInstanceOf(DuplicateError.class);
    DuplicateError error = (DuplicateError) saved[0].getErrors()[0];
    assertThat(error.getStatusCode()).isEqualTo(StatusCode.DUPLICATES_DETECTED);
    DuplicateResult result = error.getDuplicateResult();
    assertThat(result.isAllowSave()).isFalse();
    assertThat(result.getDuplicateRule()).isEqualTo("Standard_Lead_Duplicate_Rule");
    assertThat(result.getDuplicateRuleEntityType()).isEqualTo("Lead");
    MatchResult match = result.getMatchResults()[0];
    assertThat(match.getEntityType()).isEqualTo("Lead");
    assertThat(match.getRule()).isEqualTo("Standard_Lead_Match_Rule_v1_0");
    assertThat(match.getSize()).isEqualTo(1);
    assertThat(match.getMatchRecords()[0].getMatchConfidence()).isEqualTo(100.0);
    SObject record = (SObject) match.getMatchRecords()[0].getRecord();
    assertThat(record.getId()).isEqualTo(ada);
    assertThat(record.getField("Email")).isEqualTo("ada@lovelace.example");
    assertThat(saved[1].isSuccess()).isTrue();
    assertThat(org.records("Lead")).hasSize(2);
  }

  @Test
  void alertRuleBlocksUnlessTheHeaderAllowsSaving() throws ConnectionException {
    org.setDuplicateRules(DuplicateRuleMode.ALERT);
    SObject fuzzy = lead("ada", "Lovelace", "Analytical Engines, Inc.", null);

    SaveResult[] blocked = conn.create(new SObject[] {fuzzy});
    DuplicateError error = (DuplicateError) blocked[0].getErrors()[0];
    assertThat(error.getDuplicateResult().isAllowSave()).isTrue();
    SObject record =
        (SObject) error.getDuplicateResult().getMatchResults()[0].getMatchRecords()[0].getRecord();
    // Without includeRecordDetails only the id comes back.
    assertThat(record.getId()).isEqualTo(ada);
    assertThat(record.getField("Email")).isNull();

    conn.setDuplicateRuleHeader(true, false, false);
    assertThat(conn.create(new SObject[] {fuzzy})[0].isSuccess()).isTrue();

    org.setDuplicateRules(DuplicateRuleMode.BLOCK);
    assertThat(conn.create(new SObject[] {fuzzy})[0].isSuccess()).isFalse();
  }

  @Test
  void leadsAreCheckedAgainstContactsAndUpdatesAreChecked() throws ConnectionException {
    String acme = org.seed("Account", Map.of("Name", "Acme Corp"));
    String wile =
        org.seed(
            "Contact",
            Map.of(
                "FirstName",
                "Wile",
                "LastName",
                "Coyote",
                "AccountId",
                acme,
                "Email",
                "w@acme.example"));
    org.setDuplicateRules(DuplicateRuleMode.BLOCK);

    SaveResult[] saved = conn.create(new SObject[] {lead("Wile E", "Coyote", "ACME", null)});

    DuplicateResult result = ((DuplicateError) saved[0].getErrors()[0]).getDuplicateResult();
    assertThat(result.getDuplicateRule())
        .isEqualTo("Standard_Rule_for_Leads_with_Duplicate_Contacts");
    assertThat(result.getDuplicateRuleEntityType()).isEqualTo("Lead");
    assertThat(result.getMatchResults()[0].getEntityType()).isEqualTo("Contact");
    assertThat(result.getMatchResults()[0].getMatchRecords()[0].getRecord().getId())
        .isEqualTo(wile);

    String other = org.seed("Lead", Map.of("LastName", "Other", "Company", "Z"));
    SObject change = new SObject("Lead");
    change.setId(other);
    change.setField("Email", "ada@lovelace.example");
    SaveResult[] updated = conn.update(new SObject[] {change});
    assertThat(updated[0].getErrors()[0]).isInstanceOf(DuplicateError.class);
    SObject self = new SObject("Lead");
    self.setId(ada);
    self.setField("Title", "Countess");
    assertThat(conn.update(new SObject[] {self})[0].isSuccess()).isTrue();
  }

  @Test
  void findDuplicatesReportsEveryRulePerInput() throws ConnectionException {
    org.setDuplicateRules(DuplicateRuleMode.ALERT);
    conn.setDuplicateRuleHeader(false, true, false);

    FindDuplicatesResult[] results =
        conn.findDuplicates(
            new SObject[] {
              lead("A", "Lovelace", "X", "ada@lovelace.example"), lead("N", "Nobody", "Y", null)
            });

    assertThat(results).hasSize(2);
    assertThat(results[0].isSuccess()).isTrue();
    assertThat(
            Arrays.stream(results[0].getDuplicateResults()).map(DuplicateResult::getDuplicateRule))
        .containsExactly(
            "Standard_Lead_Duplicate_Rule", "Standard_Rule_for_Leads_with_Duplicate_Contacts");
    assertThat(results[0].getDuplicateResults()[0].getMatchResults()[0].getSize()).isEqualTo(1);
    assertThat(results[0].getDuplicateResults()[1].getMatchResults()[0].getSize()).isZero();
    assertThat(results[1].getDuplicateResults()[0].getMatchResults()[0].getMatchRecords())
        .isEmpty();
    assertThat(org.records("Lead")).hasSize(1);
  }

  @Test
  void findDuplicatesTakesAtMostFiftyRecords() {
    SObject[] many = new SObject[51];
    Arrays.fill(many, lead("A", "B", "C", null));
    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, () -> conn.findDuplicates(many));
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.LIMIT_EXCEEDED);
  }

  @Test
  void adminSettingsSwitchTheRules() throws ConnectionException {
    var response =
        fixture.admin(
            "PUT", "/admin/orgs/" + org.orgId() + "/settings", "{\"duplicateRules\":\"block\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(org.duplicateRules()).isEqualTo(DuplicateRuleMode.BLOCK);
    assertThat(
            conn.create(new SObject[] {lead("X", "Y", "Z", "ada@lovelace.example")})[0].isSuccess())
        .isFalse();
  }
}
