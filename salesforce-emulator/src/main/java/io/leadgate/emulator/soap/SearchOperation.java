package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.FieldType;
import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.soql.QueryEngine;
import io.leadgate.emulator.soql.RowNode;
import io.leadgate.emulator.soql.SoqlException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * search, a SOSL subset: {@code FIND {term [OR "phrase" ...]} [IN ALL|EMAIL|PHONE|NAME FIELDS]
 * RETURNING Type[(fields [WHERE ...] [ORDER BY ...] [LIMIT n])], ...}. Matching is case-insensitive
 * on whole words ({@code *} and {@code ?} wildcards allowed); phone searches compare digits.
 * Records created less than the org's search index delay ago are not found yet, as SOSL's index
 * lags.
 */
final class SearchOperation implements SoapOperation {

  private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

  private static final Pattern FIND = Pattern.compile("^\\s*FIND\\s*\\{", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_FIND =
      Pattern.compile(
          "^\\s*(?:IN\\s+(ALL|EMAIL|PHONE|NAME)\\s+FIELDS\\s+)?RETURNING\\s+(.+?)\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern TYPE_SPEC =
      Pattern.compile("^([A-Za-z0-9_]+)\\s*(?:\\((.*)\\))?$", Pattern.DOTALL);
  private static final Pattern CLAUSE =
      Pattern.compile("\\b(WHERE|ORDER\\s+BY|LIMIT)\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public void execute(SoapRequest request, Session session, XmlWriter body) {
    OrgState org = session.org();
    String sosl = SoapRequest.childText(request.operation(), "searchString");
    sosl = sosl == null ? "" : sosl;
    Matcher find = FIND.matcher(sosl);
    if (!find.find()) {
      throw malformed("unexpected token in search: " + sosl);
    }
    // The FIND clause ends at the first brace that is not escaped; scanned, not matched by a
    // regex, because a long clause would overflow a backtracking regex's stack.
    int close = find.end();
    while (close < sosl.length() && sosl.charAt(close) != '}') {
      close += sosl.charAt(close) == '\\' ? 2 : 1;
    }
    if (close >= sosl.length()) {
      throw malformed("unexpected token in search: " + sosl);
    }
    Matcher m = AFTER_FIND.matcher(sosl.substring(close + 1));
    if (!m.matches()) {
      throw malformed("unexpected token in search: " + sosl);
    }
    List<String> terms = terms(sosl.substring(find.end(), close));
    if (terms.isEmpty() || terms.stream().anyMatch(String::isEmpty)) {
      throw malformed("search term must be longer than one character: " + sosl);
    }
    String scope = m.group(1) == null ? "ALL" : m.group(1).toUpperCase(Locale.ROOT);
    List<RowNode> found = new ArrayList<>();
    for (String spec : splitTopLevel(m.group(2))) {
      Matcher t = TYPE_SPEC.matcher(spec.trim());
      if (!t.matches()) {
        throw malformed("unexpected token: " + spec.trim());
      }
      SObjectSchema schema =
          org.schema()
              .find(t.group(1))
              .orElseThrow(
                  () ->
                      new SoapFault(
                          "INVALID_TYPE",
                          "InvalidSObjectFault",
                          "sObject type '" + t.group(1) + "' is not supported."));
      found.addAll(search(org, schema, terms, scope, t.group(2)));
    }
    body.start("searchResponse").start("result");
    for (RowNode row : found) {
      body.start("searchRecords");
      RecordXml.write(body, "record", row);
      body.end();
    }
    body.end().end();
  }

  private static List<RowNode> search(
      OrgState org, SObjectSchema schema, List<String> terms, String scope, String inner) {
    String fields = "Id";
    String rest = "";
    if (inner != null && !inner.isBlank()) {
      Matcher clause = CLAUSE.matcher(inner);
      if (clause.find()) {
        fields = inner.substring(0, clause.start()).trim();
        rest = inner.substring(clause.start()).trim();
      } else {
        fields = inner.trim();
      }
    }
    String where = "";
    String tail = rest;
    if (rest.regionMatches(true, 0, "WHERE", 0, 5)) {
      Matcher next =
          Pattern.compile("\\b(ORDER\\s+BY|LIMIT)\\b", Pattern.CASE_INSENSITIVE).matcher(rest);
      int end = next.find(5) ? next.start() : rest.length();
      where = rest.substring(5, end).trim();
      tail = rest.substring(end).trim();
    }
    SearchTerms compared = new SearchTerms(terms);
    Instant visibleBefore = org.clock().instant().minus(org.searchIndexDelay());
    String finalFields = fields;
    String finalWhere = where;
    String finalTail = tail;
    return org.locked(
        () -> {
          // Each record is matched only against the terms the index says it may hold (and the
          // terms the index cannot narrow), in store order as before.
          List<Integer> everywhere = new ArrayList<>();
          Map<String, List<Integer>> termsById = new HashMap<>();
          for (int i = 0; i < terms.size(); i++) {
            Optional<List<String>> ids =
                scope.equals("PHONE")
                    ? org.store().mayHoldPhoneDigits(schema.name(), compared.digits(i))
                    : org.store().mayHoldWord(schema.name(), terms.get(i));
            if (ids.isEmpty()) {
              everywhere.add(i);
              continue;
            }
            for (String id : ids.get()) {
              termsById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
          }
          List<Map<String, Object>> hits = new ArrayList<>();
          List<Map<String, Object>> narrowed =
              everywhere.isEmpty()
                  ? org.store().inOrder(schema.name(), termsById.keySet())
                  : org.store().all(schema.name());
          for (Map<String, Object> record : narrowed) {
            List<Integer> candidates = termsById.getOrDefault(record.get("Id"), List.of());
            if (candidates.isEmpty() && everywhere.isEmpty()) {
              continue;
            }
            Object created = record.get("CreatedDate");
            if (created instanceof Instant at && at.isAfter(visibleBefore)) {
              continue;
            }
            boolean hit = false;
            for (int k = 0; k < candidates.size() && !hit; k++) {
              int i = candidates.get(k);
              hit = matches(schema, record, scope, compared, i);
            }
            for (int k = 0; k < everywhere.size() && !hit; k++) {
              int i = everywhere.get(k);
              hit = matches(schema, record, scope, compared, i);
            }
            if (hit) {
              hits.add(record);
            }
          }
          if (hits.isEmpty()) {
            return List.<RowNode>of();
          }
          String soql =
              "SELECT "
                  + finalFields
                  + " FROM "
                  + schema.name()
                  + (finalWhere.isEmpty() ? "" : " WHERE " + finalWhere)
                  + (finalTail.isEmpty() ? "" : " " + finalTail);
          try {
            return new QueryEngine(org.schema()).execute(soql, org.store(), hits).rows();
          } catch (SoqlException e) {
            throw new SoapFault(e.exceptionCode(), e.faultType(), e.getMessage());
          }
        });
  }

  private static boolean matches(
      SObjectSchema schema, Map<String, Object> record, String scope, SearchTerms terms, int i) {
    for (FieldDef field : schema.fields()) {
      Object value = record.get(field.name());
      if (value == null || !inScope(field, scope)) {
        continue;
      }
      if (field.type() == FieldType.PHONE && scope.equals("PHONE")) {
        String digits = terms.digits(i);
        if (!digits.isEmpty() && digitsOf(value.toString()).contains(digits)) {
          return true;
        }
        continue;
      }
      if (terms.pattern(i).matcher(FieldValues.format(value).toLowerCase(Locale.ROOT)).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean inScope(FieldDef field, String scope) {
    return switch (scope) {
      case "EMAIL" -> field.type() == FieldType.EMAIL;
      case "PHONE" -> field.type() == FieldType.PHONE;
      case "NAME" -> List.of("Name", "FirstName", "LastName").contains(field.name());
      default -> field.type().isText() && !field.type().isId();
    };
  }

  /**
   * The search terms of a FIND clause: terms or "quoted phrases" joined by OR, with SOSL's
   * backslash escapes for reserved characters undone.
   */
  static List<String> terms(String clause) {
    List<String> terms = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < clause.length(); i++) {
      char c = clause.charAt(i);
      if (c == '\\' && i + 1 < clause.length()) {
        char escaped = clause.charAt(++i);
        if (escaped == '*' || escaped == '?' || escaped == '\\') {
          current.append('\\'); // still literal when the term becomes a pattern
        }
        current.append(escaped);
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted
          && Character.isWhitespace(c)
          && clause.regionMatches(true, i + 1, "OR", 0, 2)
          && i + 3 < clause.length()
          && Character.isWhitespace(clause.charAt(i + 3))) {
        terms.add(current.toString().trim());
        current.setLength(0);
        i += 3;
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString().trim());
    return terms;
  }

  private static String digitsOf(String text) {
    return NOT_DIGIT.matcher(text).replaceAll("");
  }

  /**
   * A search's terms, each turned into what its scope compares (a whole-word pattern, or a phone's
   * digits) when first needed: most terms of a batch's search (the e-mails of people not in the
   * org) have no record the index narrows them to, and compiling every term up front was a tenth of
   * the emulator's CPU.
   */
  private static final class SearchTerms {

    private final List<String> terms;
    private final Pattern[] patterns;
    private final String[] digits;

    private SearchTerms(List<String> terms) {
      this.terms = terms;
      this.patterns = new Pattern[terms.size()];
      this.digits = new String[terms.size()];
    }

    private Pattern pattern(int i) {
      if (patterns[i] == null) {
        patterns[i] = termPattern(terms.get(i));
      }
      return patterns[i];
    }

    private String digits(int i) {
      if (digits[i] == null) {
        digits[i] = digitsOf(terms.get(i));
      }
      return digits[i];
    }
  }

  /** The term as a case-insensitive whole-word pattern; * and ? are wildcards. */
  private static Pattern termPattern(String term) {
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
    char[] chars = term.toLowerCase(Locale.ROOT).toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '\\' && i + 1 < chars.length) {
        regex.append(Pattern.quote(String.valueOf(chars[++i])));
        continue;
      }
      switch (c) {
        case '*' -> regex.append("\\S*");
        case '?' -> regex.append("\\S");
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
  }

  private static List<String> splitTopLevel(String specs) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < specs.length(); i++) {
      char c = specs.charAt(i);
      if (c == '\'' && (i == 0 || specs.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(specs.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(specs.substring(start));
    return parts;
  }

  private static SoapFault malformed(String message) {
    return new SoapFault("MALFORMED_SEARCH", "MalformedSearchFault", message);
  }
}
