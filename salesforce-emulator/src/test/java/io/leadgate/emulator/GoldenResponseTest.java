package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the response envelopes byte-for-byte in structure: each request is what WSC 65 sends, and
 * each response is compared, after {@link XmlNormalizer}, with a file in src/test/resources/golden.
 * Run with -Dgolden.update=true to rewrite the files after a deliberate change, then review them.
 */
class GoldenResponseTest {

  private static final String ENVELOPE_START =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope"
          + " xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\""
          + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  private static final String OP_NS =
      " xmlns:m=\"urn:partner.soap.sforce.com\" xmlns:sobj=\"urn:sobject.partner.soap.sforce.com\"";

  private EmulatorFixture fixture;
  private String token;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    token = fixture.org.openSession();
    fixture.org.seed(
        "Lead",
        Map.of(
            "FirstName", "Ada",
            "LastName", "Lovelace",
            "Company", "Analytical Engines",
            "Email", "ada@lovelace.example",
            "OwnerId", fixture.janeId));
    String acme = fixture.org.seed("Account", Map.of("Name", "Acme"));
    fixture.org.seed("Contact", Map.of("LastName", "Coyote", "AccountId", acme));
    fixture.org.seed("Contact", Map.of("LastName", "Runner"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void queryWithRelationshipAndNilFields() {
    assertGolden(
        "query.xml",
        200,
        call(
            query(
                "SELECT Id, Email, Phone, IsConverted, Owner.Name, Owner.Email FROM Lead WHERE Email = 'ada@lovelace.example'")));
  }

  @Test
  void queryWithNullParent() {
    assertGolden(
        "query-null-parent.xml",
        200,
        call(query("SELECT LastName, Account.Name FROM Contact ORDER BY LastName")));
  }

  @Test
  void emptyQuery() {
    assertGolden(
        "query-empty.xml",
        200,
        call(query("SELECT Id FROM Lead WHERE Email = 'nobody@x.example'")));
  }

  @Test
  void queryMoreLastPage() {
    for (int i = 0; i < 200; i++) {
      fixture.org.seed("Lead", Map.of("LastName", "L" + i, "Company", "X"));
    }
    String first =
        call(envelope(
                "<QueryOptions xmlns=\"urn:partner.soap.sforce.com\"><batchSize>200</batchSize></QueryOptions>",
                "<m:query"
                    + OP_NS
                    + "><m:queryString>SELECT LastName FROM Lead ORDER BY LastName DESC</m:queryString></m:query>"))
            .body();
    String locator = first.replaceAll("(?s).*<queryLocator>([^<]+)</queryLocator>.*", "$1");
    assertThat(locator).endsWith("-200");

    assertGolden(
        "query-more.xml",
        200,
        call(
            envelope(
                "",
                "<m:queryMore"
                    + OP_NS
                    + "><m:queryLocator>"
                    + locator
                    + "</m:queryLocator></m:queryMore>")));
  }

  @Test
  void createWithSuccessAndError() {
    assertGolden(
        "create.xml",
        200,
        call(
            envelope(
                "<DuplicateRuleHeader xmlns=\"urn:partner.soap.sforce.com\"><allowSave>false</allowSave><includeRecordDetails>true</includeRecordDetails><runAsCurrentUser>false</runAsCurrentUser></DuplicateRuleHeader>",
                "<m:create"
                    + OP_NS
                    + "><m:sObjects><sobj:type xsi:type=\"xsd:string\">Lead</sobj:type>"
                    + "<sobj:LastName xsi:type=\"xsd:string\">Doe</sobj:LastName>"
                    + "<sobj:Company xsi:type=\"xsd:string\">Acme &amp; Co &lt;x></sobj:Company>"
                    + "<sobj:fieldsToNull xsi:type=\"xsd:string\">Phone</sobj:fieldsToNull></m:sObjects>"
                    + "<m:sObjects><sobj:type xsi:type=\"xsd:string\">Lead</sobj:type>"
                    + "<sobj:Email xsi:type=\"xsd:string\">x@y.example</sobj:Email></m:sObjects>"
                    + "</m:create>")));
  }

  private static final String DUPLICATE_HEADER =
      "<DuplicateRuleHeader xmlns=\"urn:partner.soap.sforce.com\"><allowSave>false</allowSave><includeRecordDetails>true</includeRecordDetails><runAsCurrentUser>false</runAsCurrentUser></DuplicateRuleHeader>";

  private static String leadXml(String... fieldValues) {
    StringBuilder xml =
        new StringBuilder("<m:sObjects><sobj:type xsi:type=\"xsd:string\">Lead</sobj:type>");
    for (int i = 0; i < fieldValues.length; i += 2) {
      xml.append("<sobj:")
          .append(fieldValues[i])
          .append(" xsi:type=\"xsd:string\">")
          .append(fieldValues[i + 1])
          .append("</sobj:")
          .append(fieldValues[i])
          .append(">");
    }
    return xml.append("</m:sObjects>").toString();
  }

  @Test
  void createBlockedByDuplicateRule() {
    fixture.org.setDuplicateRules(DuplicateRuleMode.BLOCK);
    assertGolden(
        "create-duplicate-error.xml",
        200,
        call(
            envelope(
                DUPLICATE_HEADER,
                "<m:create"
                    + OP_NS
                    + ">"
                    + leadXml("LastName", "King", "Company", "X", "Email", "ADA@lovelace.example")
                    + "</m:create>")));
  }

  @Test
  void findDuplicates() {
    fixture.org.setDuplicateRules(DuplicateRuleMode.ALERT);
    assertGolden(
        "find-duplicates.xml",
        200,
        call(
            envelope(
                "",
                "<m:findDuplicates"
                    + OP_NS
                    + ">"
                    + leadXml(
                        "FirstName",
                        "Ada",
                        "LastName",
                        "Lovelace",
                        "Company",
                        "Analytical Engines Inc")
                    + "</m:findDuplicates>")));
  }

  @Test
  void upsertCreatedAndUpdated() {
    fixture.org.seed(
        "Lead", Map.of("LastName", "Key", "Company", "X", "Leadgate_Person_Key__c", "k-1"));
    assertGolden(
        "upsert.xml",
        200,
        call(
            envelope(
                "",
                "<m:upsert"
                    + OP_NS
                    + "><m:externalIDFieldName>Leadgate_Person_Key__c</m:externalIDFieldName>"
                    + leadXml("Leadgate_Person_Key__c", "k-1", "Title", "CTO")
                    + leadXml("Leadgate_Person_Key__c", "k-2", "LastName", "New", "Company", "Y")
                    + leadXml("Leadgate_Person_Key__c", "k-3", "LastName", "NoCompany")
                    + "</m:upsert>")));
  }

  @Test
  void updateSuccessAndError() {
    String id = (String) fixture.org.records("Lead").get(0).get("Id");
    assertGolden(
        "update.xml",
        200,
        call(
            envelope(
                "",
                "<m:update"
                    + OP_NS
                    + ">"
                    + leadXml("Id", id, "Title", "Countess")
                    + leadXml("Id", "00Q000000000001", "Title", "Nobody")
                    + "</m:update>")));
  }

  @Test
  void retrieveWithUnknownId() {
    String id = (String) fixture.org.records("Lead").get(0).get("Id");
    assertGolden(
        "retrieve.xml",
        200,
        call(
            envelope(
                "",
                "<m:retrieve"
                    + OP_NS
                    + "><m:fieldList>Id, Email, Phone, Owner.Name</m:fieldList><m:sObjectType>Lead</m:sObjectType>"
                    + "<m:ids>"
                    + id
                    + "</m:ids><m:ids>00Q000000000001</m:ids></m:retrieve>")));
  }

  @Test
  void search() {
    assertGolden(
        "search.xml",
        200,
        call(
            envelope(
                "",
                "<m:search"
                    + OP_NS
                    + "><m:searchString>FIND {ada@lovelace.example} IN EMAIL FIELDS RETURNING"
                    + " Lead(Id, Email WHERE IsConverted = false), Contact(LastName)</m:searchString></m:search>")));
  }

  @Test
  void getUserInfo() {
    assertGolden("get-user-info.xml", 200, call(envelope("", "<m:getUserInfo" + OP_NS + "/>")));
  }

  @Test
  void describeSObjectLead() {
    assertGolden(
        "describe-lead.xml",
        200,
        call(
            envelope(
                "",
                "<m:describeSObject"
                    + OP_NS
                    + "><m:sObjectType>Lead</m:sObjectType></m:describeSObject>")));
  }

  @Test
  void describeGlobal() {
    assertGolden(
        "describe-global.xml", 200, call(envelope("", "<m:describeGlobal" + OP_NS + "/>")));
  }

  @Test
  void invalidTypeFault() {
    assertGolden(
        "fault-invalid-type.xml",
        500,
        call(
            envelope(
                "",
                "<m:describeSObject"
                    + OP_NS
                    + "><m:sObjectType>Opportunity__x</m:sObjectType></m:describeSObject>")));
  }

  @Test
  void malformedQueryFault() {
    assertGolden("fault-malformed-query.xml", 500, call(query("SELECT Id FRM Lead")));
  }

  @Test
  void invalidFieldFault() {
    assertGolden("fault-invalid-field.xml", 500, call(query("SELECT Id, Foo FROM Lead")));
  }

  @Test
  void invalidSessionFault() {
    fixture.clock.advance(Duration.ofHours(3));
    assertGolden("fault-invalid-session.xml", 500, call(query("SELECT Id FROM Lead")));
  }

  @Test
  void requestLimitFault() {
    fixture.org.updateLimits(1L, 1L, null);
    assertGolden("fault-request-limit.xml", 500, call(query("SELECT Id FROM Lead")));
  }

  @Test
  void loginRefusedFault() {
    String login =
        ENVELOPE_START
            + "<env:Body><m:login"
            + OP_NS
            + "><m:username>integration@test.example</m:username><m:password>pw</m:password></m:login></env:Body></env:Envelope>";
    assertGolden("fault-login-refused.xml", 500, call(login));
  }

  @Test
  void gzipRequestsAndResponsesAreSupported() throws IOException {
    byte[] request = gzip(query("SELECT Id FROM Lead").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response =
        fixture
            .http
            .sendAsync(
                HttpRequest.newBuilder(URI.create(fixture.emulator.soapEndpoint()))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"\"")
                    .header("Content-Encoding", "gzip")
                    .header("Accept-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .join();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("<size>1</size>");
    }
  }

  private String query(String soql) {
    return envelope(
        "",
        "<m:query"
            + OP_NS
            + "><m:queryString>"
            + soql.replace("&", "&amp;").replace("<", "&lt;")
            + "</m:queryString></m:query>");
  }

  private String envelope(String extraHeaders, String body) {
    return ENVELOPE_START
        + "<env:Header>"
        + extraHeaders
        + "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>"
        + token
        + "</sessionId></SessionHeader></env:Header><env:Body>"
        + body
        + "</env:Body></env:Envelope>";
  }

  private HttpResponse<String> call(String envelope) {
    HttpResponse<String> response =
        fixture.send(
            HttpRequest.newBuilder(URI.create(fixture.emulator.soapEndpoint()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build());
    assertThat(response.headers().firstValue("Content-Type")).contains("text/xml; charset=UTF-8");
    return response;
  }

  private static void assertGolden(String name, int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Path file = Path.of("src/test/resources/golden", name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, pretty(response.body()));
      }
      String expected = Files.readString(file);
      assertThat(XmlNormalizer.normalize(response.body()))
          .as("response %s against golden/%s", response.body(), name)
          .isEqualTo(XmlNormalizer.normalize(expected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indents a response for a readable golden file (text content untouched). */
  private static String pretty(String xml) {
    try {
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      var document =
          factory
              .newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
      var out = new java.io.StringWriter();
      transformer.transform(
          new javax.xml.transform.dom.DOMSource(document),
          new javax.xml.transform.stream.StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
