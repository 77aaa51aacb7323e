package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import io.leadgate.emulator.id.SalesforceIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the emulator with the unmodified WSC PartnerConnection, gzip compression on. */
class WscContractTest {

  private EmulatorFixture fixture;
  private EmulatedOrg org;
  private PartnerConnection conn;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    org = fixture.org;
    conn = fixture.connect();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private String lead(String first, String last, String company, String email, String ownerId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("FirstName", first);
    fields.put("LastName", last);
    fields.put("Company", company);
    fields.put("Email", email);
    if (ownerId != null) {
      fields.put("OwnerId", ownerId);
    }
    return org.seed("Lead", fields);
  }

  private static List<String> values(QueryResult result, String field) {
    return Arrays.stream(result.getRecords()).map(r -> (String) r.getField(field)).toList();
  }

  @Test
  void queryReturnsOwnerRelationshipFields() throws ConnectionException {
    String ada =
        lead("Ada", "Lovelace", "Analytical Engines", "ada@lovelace.example", fixture.janeId);
    lead("Grace", "Hopper", "Compilers", "grace@compilers.example", fixture.samId);

    QueryResult result =
        conn.query(
            "SELECT Id, Email, Owner.Name, Owner.Email FROM Lead WHERE Email = 'ADA@lovelace.example'");

    assertThat(result.isDone()).isTrue();
    assertThat(result.getSize()).isEqualTo(1);
    SObject record = result.getRecords()[0];
    assertThat(record.getType()).isEqualTo("Lead");
    assertThat(record.getId()).isEqualTo(ada);
    assertThat(record.getField("Email")).isEqualTo("ada@lovelace.example");
    SObject owner = (SObject) record.getSObjectField("Owner");
    // Lead owners may be queues, so Salesforce types the parent as the Name pseudo-object.
    assertThat(owner.getType()).isEqualTo("Name");
    assertThat(owner.getField("Name")).isEqualTo("Jane Roe");
    assertThat(field(record, "Owner", "Email")).isEqualTo("jane@test.example");
  }

  @Test
  void contactAccountRelationshipAndNullParent() throws ConnectionException {
    String acme = org.seed("Account", Map.of("Name", "Acme", "OwnerId", fixture.samId));
    org.seed("Contact", Map.of("LastName", "Coyote", "AccountId", acme));
    org.seed("Contact", Map.of("LastName", "Runner"));

    QueryResult result =
        conn.query(
            "SELECT LastName, Account.Name, Account.Owner.Name FROM Contact ORDER BY LastName");

    SObject coyote = result.getRecords()[0];
    assertThat(field(coyote, "Account", "Name")).isEqualTo("Acme");
    assertThat(field(coyote, "Account", "Owner", "Name")).isEqualTo("Sam Seller");
    assertThat(((SObject) coyote.getSObjectField("Account")).getType()).isEqualTo("Account");
    SObject runner = result.getRecords()[1];
    assertThat(runner.getField("LastName")).isEqualTo("Runner");
    assertThat(runner.getField("Account")).isNull();
  }

  @Test
  void inAndNotInClausesCompareCaseInsensitively() throws ConnectionException {
    lead("A", "Alpha", "X", "a@x.example", null);
    lead("B", "Beta", "X", "b@x.example", null);
    lead("C", "Gamma", "X", null, null);

    QueryResult in =
        conn.query(
            "SELECT LastName FROM Lead WHERE Email IN ('A@X.example', 'nobody@x.example') AND IsConverted = false");
    QueryResult notIn =
        conn.query(
            "SELECT LastName FROM Lead WHERE Email NOT IN ('a@x.example') ORDER BY LastName");

    assertThat(values(in, "LastName")).containsExactly("Alpha");
    // Salesforce includes null values in NOT IN and != results.
    assertThat(values(notIn, "LastName")).containsExactly("Beta", "Gamma");
  }

  @Test
  void likeMatchesWildcardsAndEscapedUnderscore() throws ConnectionException {
    lead(null, "One", "Acme Corp", "first_last@x.example", null);
    lead(null, "Two", "ACME Ltd", "firstXlast@x.example", null);
    lead(null, "Three", "Globex", "other@x.example", null);

    assertThat(
            values(conn.query("SELECT LastName FROM Lead WHERE Company LIKE 'acme%'"), "LastName"))
        .containsExactly("One", "Two");
    assertThat(
            values(
                conn.query("SELECT LastName FROM Lead WHERE Email LIKE 'first\\_last%'"),
                "LastName"))
        .containsExactly("One");
    assertThat(
            values(
                conn.query("SELECT LastName FROM Lead WHERE Email LIKE 'first_last%'"), "LastName"))
        .containsExactly("One", "Two");
  }

  @Test
  void escapedQuotesAndBackslashesInLiterals() throws ConnectionException {
    lead("Conan", "O'Brien", "Late\\Night", "o'brien@x.example", null);

    QueryResult result =
        conn.query(
            "SELECT LastName, Company FROM Lead WHERE LastName = 'O\\'Brien' AND Company = 'Late\\\\Night'");

    assertThat(values(result, "LastName")).containsExactly("O'Brien");
    assertThat(values(result, "Company")).containsExactly("Late\\Night");
  }

  @Test
  void orderByAndLimit() throws ConnectionException {
    lead("A", "Zed", "X", null, null);
    lead("B", "adams", "X", null, null);
    lead("C", "Miller", "X", null, null);
    lead(null, "Miller", "X", null, null);

    QueryResult desc = conn.query("SELECT LastName FROM Lead ORDER BY LastName DESC LIMIT 2");
    QueryResult nulls =
        conn.query(
            "SELECT FirstName FROM Lead WHERE LastName = 'miller' ORDER BY FirstName NULLS LAST");
    QueryResult multi =
        conn.query("SELECT LastName, FirstName FROM Lead ORDER BY LastName ASC, FirstName DESC");

    assertThat(values(desc, "LastName")).containsExactly("Zed", "Miller");
    assertThat(desc.getSize()).isEqualTo(2);
    assertThat(values(nulls, "FirstName")).containsExactly("C", null);
    assertThat(values(multi, "FirstName")).containsExactly("B", "C", null, "A");
  }

  @Test
  void queryMorePagesThroughLargeResults() throws ConnectionException {
    for (int i = 0; i < 450; i++) {
      lead(null, String.format("L%03d", i), "X", null, null);
    }
    conn.setQueryOptions(200);

    QueryResult first = conn.query("SELECT LastName FROM Lead ORDER BY LastName");
    assertThat(first.getSize()).isEqualTo(450);
    assertThat(first.isDone()).isFalse();
    assertThat(first.getRecords()).hasSize(200);
    QueryResult second = conn.queryMore(first.getQueryLocator());
    QueryResult third = conn.queryMore(second.getQueryLocator());

    assertThat(second.getRecords()).hasSize(200);
    assertThat(second.getRecords()[0].getField("LastName")).isEqualTo("L200");
    assertThat(third.getRecords()).hasSize(50);
    assertThat(third.isDone()).isTrue();
    assertThat(third.getQueryLocator()).isNull();
    assertThat(third.getRecords()[49].getField("LastName")).isEqualTo("L449");
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(3);

    InvalidQueryLocatorFault fault =
        catchThrowableOfType(
            InvalidQueryLocatorFault.class, () -> conn.queryMore(first.getQueryLocator()));
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_QUERY_LOCATOR);
  }

  @Test
  void defaultBatchSizeIs500() throws ConnectionException {
    for (int i = 0; i < 501; i++) {
      lead(null, "L" + i, "X", null, null);
    }
    QueryResult result = conn.query("SELECT Id FROM Lead");
    assertThat(result.getRecords()).hasSize(500);
    assertThat(result.isDone()).isFalse();
  }

  @Test
  void createFillsIdsDefaultsAndAuditFields() throws ConnectionException {
    fixture.clock.advance(Duration.ofMinutes(5));
    SObject lead = new SObject("Lead");
    lead.setField("FirstName", "Ada");
    lead.setField("LastName", "Lovelace");
    lead.setField("Company", "Acme & Co <x>");
    lead.setField("Email", "ada@lovelace.example");
    lead.setField("Leadgate_Person_Key__c", "PK-1");
    lead.setFieldsToNull(new String[] {"Phone"});

    SaveResult[] results = conn.create(new SObject[] {lead});

    assertThat(results).hasSize(1);
    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[0].getErrors()).isEmpty();
    String id = results[0].getId();
    assertThat(id).hasSize(18).startsWith("00Q");
    assertThat(SalesforceIds.canonical(id.toLowerCase())).contains(id);
    Map<String, Object> stored = org.record(id).orElseThrow();
    assertThat(stored)
        .containsEntry("Name", "Ada Lovelace")
        .containsEntry("Company", "Acme & Co <x>")
        .containsEntry("Status", "Open - Not Contacted")
        .containsEntry("IsConverted", false)
        .containsEntry("OwnerId", org.integrationUserId())
        .containsEntry("CreatedDate", EmulatorFixture.START.plus(Duration.ofMinutes(5)))
        .containsEntry("Phone", null);
    QueryResult back =
        conn.query(
            "SELECT Id, CreatedDate, Owner.Name FROM Lead WHERE Id = '"
                + id.substring(0, 15)
                + "'");
    assertThat(back.getRecords()[0].getField("CreatedDate")).isEqualTo("2025-03-01T09:05:00.000Z");
    assertThat(field(back.getRecords()[0], "Owner", "Name")).isEqualTo("Leadgate Integration");
  }

  @Test
  void createReportsEachFieldRuleErrorPositionally() throws ConnectionException {
    SObject ok = leadObject("Valid", "Co", "valid@x.example");
    SObject missing = new SObject("Lead");
    missing.setField("FirstName", "NoLastName");
    SObject tooLong = leadObject("Long", "Co", null);
    tooLong.setField("FirstName", "x".repeat(41));
    SObject badEmail = leadObject("Bad", "Co", "not-an-email");
    SObject readOnly = leadObject("ReadOnly", "Co", null);
    readOnly.setField("Name", "Custom Name");
    SObject contactMissing = new SObject("Contact");
    contactMissing.setField("Email", "c@x.example");

    SaveResult[] results =
        conn.create(new SObject[] {ok, missing, tooLong, badEmail, readOnly, contactMissing});

    assertThat(results).hasSize(6);
    assertThat(results[0].isSuccess()).isTrue();
    assertError(
        results[1],
        StatusCode.REQUIRED_FIELD_MISSING,
        "Required fields are missing: [LastName, Company]",
        "LastName",
        "Company");
    assertError(
        results[2],
        StatusCode.STRING_TOO_LONG,
        "First Name: data value too large: " + "x".repeat(41) + " (max length=40)",
        "FirstName");
    assertError(
        results[3],
        StatusCode.INVALID_EMAIL_ADDRESS,
        "Email: invalid email address: not-an-email",
        "Email");
    assertThat(results[4].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    assertThat(results[4].getErrors()[0].getFields()).containsExactly("Name");
    assertError(
        results[5],
        StatusCode.REQUIRED_FIELD_MISSING,
        "Required fields are missing: [LastName]",
        "LastName");
    assertThat(org.records("Lead")).hasSize(1);
    assertThat(org.records("Contact")).isEmpty();
  }

  @Test
  void stringLengthLimitsMatchSalesforce() throws ConnectionException {
    Map<String, Integer> limits =
        Map.of("LastName", 80, "Company", 255, "Email", 80, "Title", 128, "Phone", 40);
    for (Map.Entry<String, Integer> limit : limits.entrySet()) {
      SObject atLimit = leadObject("L", "C", null);
      SObject overLimit = leadObject("L", "C", null);
      String field = limit.getKey();
      String base = field.equals("Email") ? "@x.example" : "";
      atLimit.setField(field, "a".repeat(limit.getValue() - base.length()) + base);
      overLimit.setField(field, "a".repeat(limit.getValue() + 1 - base.length()) + base);

      SaveResult[] results = conn.create(new SObject[] {atLimit, overLimit});

      assertThat(results[0].isSuccess()).as(field).isTrue();
      assertThat(results[1].getErrors()[0].getStatusCode())
          .as(field)
          .isEqualTo(StatusCode.STRING_TOO_LONG);
      assertThat(results[1].getErrors()[0].getMessage())
          .as(field)
          .endsWith("(max length=" + limit.getValue() + ")");
    }
  }

  @Test
  void unknownFieldOrTypeFailsTheWholeCall() {
    SObject unknownField = leadObject("X", "Co", null);
    unknownField.setField("Shoe_Size__c", "42");
    SObject unknownType = new SObject("Leed");
    unknownType.setField("LastName", "X");

    InvalidFieldFault field =
        catchThrowableOfType(
            InvalidFieldFault.class,
            () -> conn.create(new SObject[] {leadObject("A", "B", null), unknownField}));
    InvalidSObjectFault type =
        catchThrowableOfType(
            InvalidSObjectFault.class, () -> conn.create(new SObject[] {unknownType}));

    assertThat(field.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
    assertThat(field.getExceptionMessage())
        .startsWith(
            "No such column 'Shoe_Size__c' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c'");
    assertThat(type.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE);
    assertThat(type.getExceptionMessage()).startsWith("sObject type 'Leed' is not supported.");
    assertThat(org.records("Lead")).isEmpty();
  }

  @Test
  void createOfMoreThan200RecordsFaults() throws ConnectionException {
    SObject[] records = new SObject[201];
    for (int i = 0; i < records.length; i++) {
      records[i] = leadObject("L" + i, "Co", null);
    }
    ApiFault fault = catchThrowableOfType(ApiFault.class, () -> conn.create(records));
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT);
    assertThat(conn.create(Arrays.copyOf(records, 200)))
        .hasSize(200)
        .allMatch(SaveResult::isSuccess);
  }

  @Test
  void duplicateValueOnExternalIdIsCaseInsensitive() throws ConnectionException {
    String existing =
        org.seed(
            "Lead",
            Map.of("LastName", "Seeded", "Company", "X", "Leadgate_Person_Key__c", "PK-ABC"));
    SObject clash = leadObject("Clash", "X", null);
    clash.setField("Leadgate_Person_Key__c", "pk-abc");
    SObject fresh = leadObject("Fresh", "X", null);
    fresh.setField("Leadgate_Person_Key__c", "PK-NEW");
    SObject sameBatch = leadObject("Again", "X", null);
    sameBatch.setField("Leadgate_Person_Key__c", "pk-new");
    SObject contact = new SObject("Contact");
    contact.setField("LastName", "OtherObject");
    contact.setField("Leadgate_Person_Key__c", "PK-ABC");

    SaveResult[] results = conn.create(new SObject[] {clash, fresh, sameBatch, contact});

    assertThat(results[0].isSuccess()).isFalse();
    Error error = results[0].getErrors()[0];
    assertThat(error.getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(error.getMessage())
        .isEqualTo(
            "duplicate value found: Leadgate_Person_Key__c duplicates value on record with id: "
                + existing.substring(0, 15));
    assertThat(results[1].isSuccess()).isTrue();
    assertThat(results[2].getErrors()[0].getMessage())
        .endsWith(results[1].getId().substring(0, 15));
    assertThat(results[3].isSuccess()).as("uniqueness is per object").isTrue();
  }

  @Test
  void expiredSessionFaultsWithInvalidSessionIdAndWscCanRenew() throws ConnectionException {
    conn.getUserInfo();
    fixture.clock.advance(Duration.ofHours(1).plusMinutes(59));
    conn.getUserInfo(); // use restarts the idle period
    fixture.clock.advance(Duration.ofHours(2).plusSeconds(1));

    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, conn::getUserInfo);

    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
    assertThat(fault.getExceptionMessage()).contains("Illegal Session");
    assertThat(org.apiCallsInWindow()).isEqualTo(2);

    // WSC only renews when the faultstring carries "Illegal Session", so this pins the faultstring.
    PartnerConnection renewing = fixture.connect();
    fixture.clock.advance(Duration.ofHours(3));
    List<String> renewals = new ArrayList<>();
    renewing
        .getConfig()
        .setSessionRenewer(
            new SessionRenewer() {
              @Override
              public SessionRenewalHeader renewSession(ConnectorConfig config) {
                String token =
                    (String) fixture.token(org.clientId(), org.clientSecret()).get("access_token");
                config.setSessionId(token);
                renewing.setSessionHeader(token);
                renewals.add(token);
                SessionRenewalHeader header = new SessionRenewalHeader();
                header.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
                header.headerElement = renewing.getSessionHeader();
                return header;
              }
            });
    assertThat(renewing.getUserInfo().getOrganizationId()).isEqualTo(org.orgId());
    assertThat(renewals).hasSize(1);
  }

  @Test
  void requestLimitExceededWhenWindowIsFullAndRecoveryAfter24Hours() throws ConnectionException {
    org.updateLimits(5L, 2L, null);
    for (int i = 0; i < 3; i++) {
      conn.getUserInfo();
    }
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(5);
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getLimit()).isEqualTo(5);

    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, conn::getUserInfo);

    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
    assertThat(fault.getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
    assertThat(org.apiCallsInWindow()).as("refused calls are not counted").isEqualTo(3);

    fixture.clock.advance(Duration.ofHours(24));
    conn = fixture.connect(); // the old session has idled out by now
    conn.getUserInfo();
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(3);
  }

  @Test
  void overshootFactorLetsUsageRunPastTheLimit() throws ConnectionException {
    org.updateLimits(10L, 0L, 1.2);
    for (int i = 0; i < 12; i++) {
      conn.getUserInfo();
    }
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(12);
    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, conn::getUserInfo);
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
  }

  @Test
  void loginIsRefusedLikeARealApi65Org() {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setAuthEndpoint(fixture.emulator.soapEndpoint());
    cfg.setUsername("integration@test.example");
    cfg.setPassword("whatever");

    ApiFault fault = catchThrowableOfType(ApiFault.class, () -> new PartnerConnection(cfg));

    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION);
    assertThat(fault.getExceptionMessage())
        .isEqualTo(
            "The SOAP Login operation is not available in the API version specified (65.0). Refer to the documentation for supported versions.");
    assertThat(org.apiCallsInWindow()).isZero();
  }

  @Test
  void loginWorksWhenTheOrgAllowsIt() throws ConnectionException {
    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withClock(fixture.clock))) {
      EmulatedOrg loginOrg =
          emulator.createOrg(
              OrgSpec.of("Login Org", "login-client", "s")
                  .withLoginAllowed(true)
                  .withUsers(
                      List.of(
                          UserSpec.integration("Int", "User", "int@login.example")
                              .withPassword("pw123"))));
      ConnectorConfig cfg = new ConnectorConfig();
      cfg.setAuthEndpoint(emulator.soapEndpoint());
      cfg.setUsername("int@login.example");
      cfg.setPassword("wrong");
      ApiFault wrong = catchThrowableOfType(ApiFault.class, () -> new PartnerConnection(cfg));
      assertThat(wrong.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN);

      cfg.setPassword("pw123");
      PartnerConnection loggedIn = new PartnerConnection(cfg);
      assertThat(cfg.getServiceEndpoint()).endsWith("/services/Soap/u/65.0/" + loginOrg.orgId15());
      assertThat(loggedIn.getUserInfo().getUserName()).isEqualTo("int@login.example");
      assertThat(loginOrg.apiCallsInWindow()).isEqualTo(1);
    }
  }

  @Test
  void queryFaultsCarryRowAndColumn() {
    MalformedQueryFault malformed =
        catchThrowableOfType(MalformedQueryFault.class, () -> conn.query("SELECT Id FRM Lead"));
    InvalidFieldFault field =
        catchThrowableOfType(InvalidFieldFault.class, () -> conn.query("SELECT Id, Foo FROM Lead"));
    InvalidSObjectFault type =
        catchThrowableOfType(InvalidSObjectFault.class, () -> conn.query("SELECT Id FROM Leed"));
    MalformedQueryFault secondRow =
        catchThrowableOfType(
            MalformedQueryFault.class,
            () -> conn.query("SELECT Id\nFROM Lead WHERE Email = 'a\\x'"));

    assertThat(malformed.getExceptionCode()).isEqualTo(ExceptionCode.MALFORMED_QUERY);
    assertThat(malformed.getRow()).isEqualTo(1);
    assertThat(malformed.getColumn()).isEqualTo(11);
    assertThat(malformed.getExceptionMessage())
        .isEqualTo(
            "\nSELECT Id FRM Lead\n          ^\nERROR at Row:1:Column:11\nunexpected token: FRM");
    assertThat(field.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
    assertThat(field.getRow()).isEqualTo(1);
    assertThat(field.getColumn()).isEqualTo(12);
    assertThat(field.getExceptionMessage())
        .endsWith(
            "No such column 'Foo' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
    assertThat(type.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE);
    assertThat(type.getColumn()).isEqualTo(16);
    assertThat(type.getExceptionMessage()).contains("sObject type 'Leed' is not supported.");
    assertThat(secondRow.getRow()).isEqualTo(2);
    assertThat(secondRow.getColumn()).isEqualTo(25);
    assertThat(secondRow.getExceptionMessage())
        .endsWith(
            "Invalid string literal 'a\\x'. Illegal character sequence '\\x' in string literal.");
  }

  @Test
  void getUserInfoDescribesTheIntegrationUser() throws ConnectionException {
    GetUserInfoResult info = conn.getUserInfo();

    assertThat(info.getOrganizationId()).isEqualTo(org.orgId());
    assertThat(info.getOrganizationName()).isEqualTo("Test Org");
    assertThat(info.getUserId()).isEqualTo(org.integrationUserId());
    assertThat(info.getUserFullName()).isEqualTo("Leadgate Integration");
    assertThat(info.getUserEmail()).isEqualTo("integration@test.example");
    assertThat(info.getUserName()).isEqualTo("integration@test.example");
    assertThat(info.getProfileId()).startsWith("00e").hasSize(18);
    assertThat(info.getRoleId()).isNull();
    assertThat(info.getSessionSecondsValid()).isEqualTo(7200);
    assertThat(info.getOrgDefaultCurrencyIsoCode()).isEqualTo("USD");
    assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getType()).isEqualTo("API REQUESTS");
  }

  @Test
  void callsToAnotherOrgsEndpointAreRejected() {
    String token = org.openSession();
    PartnerConnection wrongOrg = fixture.connect(token, fixture.emulator.baseUrl().toString());
    wrongOrg.getConfig().setServiceEndpoint(fixture.emulator.soapEndpoint() + "/00D000000000001");
    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, wrongOrg::getUserInfo);
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
  }

  private static SObject leadObject(String last, String company, String email) {
    SObject lead = new SObject("Lead");
    lead.setField("LastName", last);
    lead.setField("Company", company);
    if (email != null) {
      lead.setField("Email", email);
    }
    return lead;
  }

  private static void assertError(
      SaveResult result, StatusCode code, String message, String... fields) {
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getId()).isNull();
    assertThat(result.getErrors()).hasSize(1);
    assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(code);
    assertThat(result.getErrors()[0].getMessage()).isEqualTo(message);
    assertThat(result.getErrors()[0].getFields()).containsExactly(fields);
  }

  /** Follows parent relationships, e.g. field(record, "Owner", "Name"). */
  private static Object field(com.sforce.ws.bind.XmlObject record, String... path) {
    com.sforce.ws.bind.XmlObject current = record;
    for (int i = 0; i < path.length - 1 && current != null; i++) {
      current = current.getChild(path[i]);
    }
    return current == null ? null : current.getField(path[path.length - 1]);
  }
}
