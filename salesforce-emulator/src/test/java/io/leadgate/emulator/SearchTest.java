package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SearchRecord;
import com.sforce.soap.partner.SearchResult;
import com.sforce.soap.partner.fault.MalformedSearchFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SOSL subset through the real WSC client. */
class SearchTest {

  private EmulatorFixture fixture;
  private EmulatedOrg org;
  private PartnerConnection conn;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    org = fixture.org;
    conn = fixture.connect();
    org.seed(
        "Lead",
        Map.of(
            "FirstName", "Ada",
            "LastName", "Lovelace",
            "Company", "AE",
            "Email", "ada@lovelace.example",
            "Phone", "+44 (20) 7946-0000"));
    org.seed(
        "Lead",
        Map.of(
            "LastName",
            "Converted",
            "Company",
            "AE",
            "Email",
            "ADA@lovelace.example",
            "IsConverted",
            true));
    org.seed("Contact", Map.of("LastName", "Byron", "Email", "ada@lovelace.example"));
    org.seed("Contact", Map.of("LastName", "Other", "Email", "other@x.example"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static List<String> summary(SearchResult result) {
    return Arrays.stream(result.getSearchRecords())
        .map(SearchRecord::getRecord)
        .map(r -> r.getType() + ":" + r.getField("LastName"))
        .toList();
  }

  @Test
  void findsEmailMatchesAcrossTypesCaseInsensitively() throws ConnectionException {
    SearchResult result =
        conn.search(
            "FIND {Ada@Lovelace.Example} IN EMAIL FIELDS RETURNING"
                + " Lead(Id, LastName WHERE IsConverted = false), Contact(Id, LastName)");

    assertThat(summary(result)).containsExactly("Lead:Lovelace", "Contact:Byron");
    SObject lead = result.getSearchRecords()[0].getRecord();
    assertThat(lead.getId()).startsWith("00Q");
  }

  @Test
  void termsJoinedByOrWithEscapedReservedCharactersFindEachMatch() throws ConnectionException {
    org.seed("Contact", Map.of("LastName", "Quote", "Email", "o'brien+news@x.example"));

    SearchResult result =
        conn.search(
            "FIND {\"other@x.example\" OR \"o\\'brien\\+news@x.example\" OR \"nobody\\}\"}"
                + " IN ALL FIELDS RETURNING Contact(Id, LastName ORDER BY LastName)");

    assertThat(summary(result)).containsExactly("Contact:Other", "Contact:Quote");
  }

  @Test
  void phoneAndAllFieldsScopes() throws ConnectionException {
    assertThat(summary(conn.search("FIND {2079460000} IN PHONE FIELDS RETURNING Lead(LastName)")))
        .containsExactly("Lead:Lovelace");
    assertThat(
            summary(
                conn.search(
                    "FIND {\"nothing\" OR \"2079460000\"} IN PHONE FIELDS RETURNING"
                        + " Contact(LastName), Lead(LastName WHERE IsConverted = false)")))
        .containsExactly("Lead:Lovelace");
    assertThat(summary(conn.search("FIND {lovel*} RETURNING Lead(LastName ORDER BY LastName)")))
        .containsExactly("Lead:Converted", "Lead:Lovelace");
    assertThat(
            conn.search("FIND {nothing} IN ALL FIELDS RETURNING Lead, Contact").getSearchRecords())
        .isEmpty();
  }

  @Test
  void newRecordsAreSearchableOnlyAfterTheIndexDelay() throws ConnectionException {
    org.setSearchIndexDelay(Duration.ofSeconds(30));
    org.seed("Contact", Map.of("LastName", "Fresh", "Email", "fresh@x.example"));
    String sosl = "FIND {fresh@x.example} IN EMAIL FIELDS RETURNING Contact(LastName)";

    assertThat(conn.search(sosl).getSearchRecords()).isEmpty();
    fixture.clock.advance(Duration.ofSeconds(30));
    assertThat(summary(conn.search(sosl))).containsExactly("Contact:Fresh");
  }

  @Test
  void anUpdatedRecordIsFoundByItsNewWordsOnlyAndAClearedOneNotAtAll() throws ConnectionException {
    String id = org.seed("Contact", Map.of("LastName", "Before", "Email", "moved@old.example"));
    SObject update = new SObject("Contact");
    update.setId(id);
    update.setField("LastName", "After");
    update.setField("Email", "moved@new.example");
    assertThat(conn.update(new SObject[] {update})[0].isSuccess()).isTrue();

    assertThat(conn.search("FIND {Before OR moved@old.example} RETURNING Contact(LastName)"))
        .extracting(SearchResult::getSearchRecords)
        .satisfies(records -> assertThat(records).isEmpty());
    assertThat(summary(conn.search("FIND {after} RETURNING Contact(LastName)")))
        .containsExactly("Contact:After");
    assertThat(summary(conn.search("FIND {moved@new.example} RETURNING Contact(LastName)")))
        .containsExactly("Contact:After");

    org.clearRecords("Contact");
    assertThat(conn.search("FIND {after} RETURNING Contact(LastName)").getSearchRecords())
        .isEmpty();
  }

  @Test
  void partsOfWordsAndShortNumbersMatchAsBefore() throws ConnectionException {
    // Whole words only: a prefix or a piece of an address is not a word of the field.
    assertThat(conn.search("FIND {lovel} RETURNING Lead(LastName)").getSearchRecords()).isEmpty();
    assertThat(conn.search("FIND {lovelace.exam} RETURNING Lead(LastName)").getSearchRecords())
        .isEmpty();
    assertThat(summary(conn.search("FIND {lovelace.example} RETURNING Contact(LastName)")))
        .containsExactly("Contact:Byron");
    // Phone digits are contained, however few.
    assertThat(summary(conn.search("FIND {7946} IN PHONE FIELDS RETURNING Lead(LastName)")))
        .containsExactly("Lead:Lovelace");
    assertThat(summary(conn.search("FIND {442079460000} IN PHONE FIELDS RETURNING Lead(LastName)")))
        .containsExactly("Lead:Lovelace");
    assertThat(
            conn.search("FIND {2079460001} IN PHONE FIELDS RETURNING Lead(LastName)")
                .getSearchRecords())
        .isEmpty();
  }

  @Test
  void aSearchOfManyTermsInALargeOrgFindsExactlyTheRecordsHoldingThem() throws ConnectionException {
    org.clearRecords("Contact");
    String[] surnames = {"Smith", "Nguyen", "Garcia", "O'Neil", "Kowalski", "Lee", "Smith-Lee"};
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < 600; i++) {
      String last = surnames[i % surnames.length];
      String email = "p" + i + "@" + (i % 3 == 0 ? "acme" : "globex") + ".example";
      org.seed("Contact", Map.of("LastName", last + i % 5, "Email", email));
      // The search below: surnames "nguyen0" and "o'neil3", and the addresses p7..p9 at acme.
      if (last.equals("Nguyen") && i % 5 == 0
          || last.equals("O'Neil") && i % 5 == 3
          || email.matches("p[7-9]@acme\\.example")) {
        expected.add(last + i % 5 + "/" + email);
      }
    }

    SearchResult result =
        conn.search(
            "FIND {Nguyen0 OR \"O\\'Neil3\" OR p7@acme.example OR p8@acme.example"
                + " OR p9@acme.example OR smith-lee9} RETURNING Contact(LastName, Email)");

    assertThat(
            Arrays.stream(result.getSearchRecords())
                .map(SearchRecord::getRecord)
                .map(r -> r.getField("LastName") + "/" + r.getField("Email"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(expected)
        .isNotEmpty();
  }

  @Test
  void malformedSearchFaults() {
    MalformedSearchFault fault =
        catchThrowableOfType(MalformedSearchFault.class, () -> conn.search("FIND ada RETURNING"));
    assertThat(fault.getExceptionCode().toString()).isEqualTo("MALFORMED_SEARCH");
  }
}
