package io.leadgate.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.leadgate.emulator.EmulatorClock;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.UserSpec;
import io.leadgate.emulator.id.IdGenerator;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.RecordWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SOQL subset by tables: valid statements with their results, invalid ones with the fault. */
class SoqlQueryTableTest {

  private static OrgState org;
  private static QueryEngine engine;

  @BeforeAll
  static void seed() {
    EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2024-01-31T12:00:00Z"));
    org =
        new OrgRegistry(clock, new IdGenerator())
            .create(
                OrgSpec.of("Soql", "c", "s")
                    .withUsers(
                        List.of(
                            UserSpec.integration("Int", "User", "int@x.example"),
                            UserSpec.of("Jane", "Roe", "jane@x.example"))));
    String jane =
        org.locked(
            () ->
                (String)
                    org.store().all("User").stream()
                        .filter(u -> "Roe".equals(u.get("LastName")))
                        .findFirst()
                        .orElseThrow()
                        .get("Id"));
    lead(
        "Ada",
        "Lovelace",
        "Analytical Engines",
        "ada@lovelace.example",
        jane,
        "2024-01-30T10:00:00Z",
        false);
    lead(
        "Grace",
        "Hopper",
        "Compilers Inc",
        "grace@compilers.example",
        null,
        "2024-01-31T10:00:00Z",
        false);
    lead("Conan", "O'Brien", "Late\\Night", null, jane, "2024-01-31T11:00:00Z", true);
    lead(null, "Percent", "100% Real_Co", "p@x.example", null, "2024-02-01T00:00:00Z", false);
    lead("Line", "Break", "Multi\nLine", "lb@x.example", null, "2024-02-01T00:00:00Z", false);
    engine = new QueryEngine(org.schema());
  }

  private static void lead(
      String first,
      String last,
      String company,
      String email,
      String owner,
      String created,
      boolean converted) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("FirstName", first);
    fields.put("LastName", last);
    fields.put("Company", company);
    fields.put("Email", email);
    fields.put("IsConverted", converted);
    fields.put("CreatedDate", created);
    if (owner != null) {
      fields.put("OwnerId", owner);
    }
    org.locked(() -> new RecordWriter(org).seed("Lead", fields));
  }

  private static List<String> lastNames(String soql) {
    return org.locked(() -> engine.execute(soql, org.store())).rows().stream()
        .map(
            row ->
                (String)
                    row.fields().stream()
                        .filter(f -> f.name().equals("LastName"))
                        .findFirst()
                        .orElseThrow()
                        .value())
        .toList();
  }

  static Stream<Arguments> validQueries() {
    return Stream.of(
        Arguments.of(
            "SELECT LastName FROM Lead ORDER BY LastName",
            List.of("Break", "Hopper", "Lovelace", "O'Brien", "Percent")),
        Arguments.of(
            "select lastname from LEAD where EMAIL = 'ADA@LOVELACE.EXAMPLE'", List.of("Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Email != 'ada@lovelace.example' ORDER BY LastName",
            List.of("Break", "Hopper", "O'Brien", "Percent")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Email <> null ORDER BY LastName DESC",
            List.of("Percent", "Lovelace", "Hopper", "Break")),
        Arguments.of("SELECT LastName FROM Lead WHERE Email = null", List.of("O'Brien")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE LastName IN ('hopper', 'LOVELACE') ORDER BY LastName",
            List.of("Hopper", "Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE LastName NOT IN ('hopper') AND Email != null ORDER BY LastName",
            List.of("Break", "Lovelace", "Percent")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company LIKE '%engines'", List.of("Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company LIKE 'compilers _nc'", List.of("Hopper")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company LIKE '100\\% Real\\_%'", List.of("Percent")),
        Arguments.of("SELECT LastName FROM Lead WHERE Company LIKE '1_0\\%%'", List.of("Percent")),
        Arguments.of("SELECT LastName FROM Lead WHERE LastName = 'O\\'Brien'", List.of("O'Brien")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company = 'Late\\\\Night'", List.of("O'Brien")),
        Arguments.of("SELECT LastName FROM Lead WHERE Company = 'Multi\\nLine'", List.of("Break")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company = 'Multi\\u000aLine'", List.of("Break")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Company = 'Late\\\\Night' OR Company = 'x\\\"y'",
            List.of("O'Brien")),
        Arguments.of("SELECT LastName FROM Lead WHERE IsConverted = true", List.of("O'Brien")),
        Arguments.of("SELECT LastName FROM Lead WHERE NOT IsConverted = false", List.of("O'Brien")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE (LastName = 'Hopper' OR LastName = 'Lovelace') AND IsConverted = false ORDER BY LastName",
            List.of("Hopper", "Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE NOT (Email = null OR LastName LIKE 'P%') ORDER BY LastName",
            List.of("Break", "Hopper", "Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE CreatedDate > 2024-01-31T10:00:00Z ORDER BY CreatedDate, LastName",
            List.of("O'Brien", "Break", "Percent")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE CreatedDate >= 2024-01-31T11:00:00+01:00 ORDER BY LastName",
            List.of("Break", "Hopper", "O'Brien", "Percent")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE CreatedDate < 2024-01-31T00:00:00Z",
            List.of("Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead WHERE Owner.Name = 'jane roe' ORDER BY LastName",
            List.of("Lovelace", "O'Brien")),
        Arguments.of(
            "SELECT LastName FROM Lead ORDER BY Owner.LastName, LastName DESC LIMIT 3",
            List.of("O'Brien", "Lovelace", "Percent")),
        Arguments.of(
            "SELECT LastName FROM Lead ORDER BY FirstName NULLS FIRST LIMIT 2",
            List.of("Percent", "Lovelace")),
        Arguments.of(
            "SELECT LastName FROM Lead ORDER BY FirstName DESC LIMIT 2",
            List.of("Break", "Hopper")),
        Arguments.of("SELECT LastName FROM Lead LIMIT 0", List.of()),
        Arguments.of(
            "SELECT LastName\nFROM Lead\nWHERE Email = 'grace@compilers.example'",
            List.of("Hopper")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validQueries")
  void validQueriesReturnTheExpectedRecords(String soql, List<String> expected) {
    assertThat(lastNames(soql)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> invalidQueries() {
    return Stream.of(
        Arguments.of("SELECT Id FRM Lead", "MALFORMED_QUERY", 1, 11, "unexpected token: FRM"),
        Arguments.of("SELECT FROM Lead", "MALFORMED_QUERY", 1, 8, "unexpected token: FROM"),
        Arguments.of("SELECT Id FROM", "MALFORMED_QUERY", 1, 15, "unexpected token: <EOF>"),
        Arguments.of("SELECT Id, FROM Lead", "MALFORMED_QUERY", 1, 12, "unexpected token: FROM"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE", "MALFORMED_QUERY", 1, 26, "unexpected token: <EOF>"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'a' AND LastName = 'b' OR Company = 'c'",
            "MALFORMED_QUERY",
            1,
            58,
            "unexpected token: OR"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'a' OR LastName = 'b' AND Company = 'c'",
            "MALFORMED_QUERY",
            1,
            57,
            "unexpected token: AND"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email IN 'a'",
            "MALFORMED_QUERY",
            1,
            36,
            "unexpected token: 'a'"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email NOT LIKE 'a'",
            "MALFORMED_QUERY",
            1,
            37,
            "unexpected token: LIKE"),
        Arguments.of(
            "SELECT Id FROM Lead LIMIT x", "MALFORMED_QUERY", 1, 27, "unexpected token: x"),
        Arguments.of(
            "SELECT Id FROM Lead ORDER BY Email NULLS",
            "MALFORMED_QUERY",
            1,
            41,
            "unexpected token: <EOF>"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'a\\x'",
            "MALFORMED_QUERY",
            1,
            35,
            "Invalid string literal 'a\\x'. Illegal character sequence '\\x' in string literal."),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'a\\%'",
            "MALFORMED_QUERY", 1, 35, "Illegal character sequence '\\%' in string literal."),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'a\\u00g1'",
            "MALFORMED_QUERY",
            1,
            35,
            "Illegal character sequence '\\u' in string literal."),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 'abc",
            "MALFORMED_QUERY",
            1,
            39,
            "line 1:38 mismatched character '<EOF>' expecting '''"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = #",
            "MALFORMED_QUERY",
            1,
            35,
            "line 1:34 no viable alternative at character '#'"),
        Arguments.of(
            "SELECT Id, Id FROM Lead", "MALFORMED_QUERY", 1, 12, "duplicate field selected: Id"),
        Arguments.of(
            "SELECT Id, Foo FROM Lead",
            "INVALID_FIELD",
            1,
            12,
            "No such column 'Foo' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."),
        Arguments.of(
            "SELECT Id FROM Lead\nWHERE Bogus__c = 'x'",
            "INVALID_FIELD",
            2,
            7,
            "No such column 'Bogus__c' on entity 'Lead'."),
        Arguments.of(
            "SELECT Owner.Foo FROM Lead",
            "INVALID_FIELD",
            1,
            8,
            "No such column 'Foo' on entity 'Name'."),
        Arguments.of(
            "SELECT Boss.Name FROM Lead",
            "INVALID_FIELD",
            1,
            8,
            "Didn't understand relationship 'Boss' in field path."),
        Arguments.of(
            "SELECT Id FROM Lead WHERE IsConverted = 'false'",
            "INVALID_FIELD",
            1,
            41,
            "value of filter criterion for field 'IsConverted' must be of type boolean and should not be enclosed in quotes"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE Email = 5",
            "INVALID_FIELD",
            1,
            35,
            "value of filter criterion for field 'Email' must be of type string and should be enclosed in quotes"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE CreatedDate > 2024-01-01",
            "INVALID_FIELD",
            1,
            41,
            "must be of type dateTime and should not be enclosed in quotes"),
        Arguments.of(
            "SELECT Id FROM Lead WHERE IsConverted LIKE 'x'",
            "INVALID_FIELD",
            1,
            27,
            "invalid operator on boolean field: IsConverted"),
        Arguments.of(
            "SELECT Id FROM Leed",
            "INVALID_TYPE",
            1,
            16,
            "sObject type 'Leed' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name."),
        Arguments.of(
            "SELECT Id FROM Opportunity WHERE Foo = 1",
            "INVALID_TYPE",
            1,
            16,
            "sObject type 'Opportunity' is not supported."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidQueries")
  void invalidQueriesFailLikeSalesforce(
      String soql, String code, int row, int column, String messagePart) {
    SoqlException error =
        catchThrowableOfType(
            SoqlException.class, () -> org.locked(() -> engine.execute(soql, org.store())));

    assertThat(error).as(soql).isNotNull();
    assertThat(error.exceptionCode()).isEqualTo(code);
    assertThat(error.row()).isEqualTo(row);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.getMessage()).contains(messagePart);
  }

  @Test
  void locatedMessagesEchoTheLineWithACaret() {
    SoqlException error =
        catchThrowableOfType(
            SoqlException.class, () -> engine.check("SELECT Id\nFROM Lead WHERE Nope = 'x'"));
    assertThat(error.getMessage())
        .startsWith(
            "\nFROM Lead WHERE Nope = 'x'\n                ^\nERROR at Row:2:Column:17\nNo such column 'Nope'");
    assertThat(error.faultType()).isEqualTo("InvalidFieldFault");
  }

  @Test
  void statementsOver100000CharactersAreRejected() {
    String soql = "SELECT Id FROM Lead WHERE Email = '" + "x".repeat(100_000) + "'";
    SoqlException error = catchThrowableOfType(SoqlException.class, () -> engine.check(soql));
    assertThat(error.exceptionCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage()).contains("100,000");
  }

  @Test
  void projectionGroupsRelationshipFieldsAndRepeatsTheIdSlot() {
    RowNode row =
        org.locked(
                () ->
                    engine.execute(
                        "SELECT Id, Owner.Name, LastName, Owner.Email FROM Lead WHERE LastName = 'Lovelace'",
                        org.store()))
            .rows()
            .get(0);
    assertThat(row.id()).isNotNull();
    assertThat(row.fields())
        .extracting(RowNode.Field::name)
        .containsExactly("Id", "Owner", "LastName");
    RowNode owner = (RowNode) row.fields().get(1).value();
    assertThat(owner.type()).isEqualTo("Name");
    assertThat(owner.id()).isNull();
    assertThat(owner.fields()).extracting(RowNode.Field::name).containsExactly("Name", "Email");
  }

  @Test
  void idLiteralsMatchIn15And18CharacterForm() {
    String id = org.locked(() -> (String) org.store().all("Lead").get(0).get("Id"));
    assertThat(lastNames("SELECT LastName FROM Lead WHERE Id = '" + id.substring(0, 15) + "'"))
        .containsExactly("Lovelace");
    assertThat(lastNames("SELECT LastName FROM Lead WHERE Id IN ('" + id.toLowerCase() + "')"))
        .containsExactly("Lovelace");
    assertThat(
            lastNames(
                "SELECT LastName FROM Lead WHERE Id = '" + id.substring(0, 15).toLowerCase() + "'"))
        .isEmpty();
  }
}
