package io.leadgate.emulator.org;

import io.leadgate.emulator.DuplicateRuleMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard Lead and Contact duplicate rules: a record matches when the e-mail addresses are
 * equal ignoring case, or when first name, last name and company (a Contact's account name) are all
 * similar (normalised, Jaro-Winkler at least {@value #THRESHOLD}). Lead rules also look at Contacts
 * and Contact rules at Leads. Converted leads never match. Records in the same batch do not match
 * each other, as in Salesforce.
 */
public final class DuplicateRules {

  static final double THRESHOLD = 0.9;

  public static final String DUPLICATE_MESSAGE =
      "You're creating a duplicate record. We recommend you use an existing record instead.";

  /** What the caller's DuplicateRuleHeader asked for (all false when it sent none). */
  public record Header(boolean allowSave, boolean includeRecordDetails) {
    public static final Header DEFAULT = new Header(false, false);
  }

  /** One field compared between the saved record and a match: SAME, DIFFERENT, NULL, SIMILAR. */
  public record FieldDiff(String name, String difference) {}

  /** One matching record with its confidence (0..100). */
  public record Match(Map<String, Object> record, double confidence, List<FieldDiff> fieldDiffs) {}

  /**
   * The outcome of one duplicate rule, as DuplicateResult and MatchResult describe it.
   *
   * @param allowSave true for an Alert ("Allow") rule, false for a Block rule
   */
  public record RuleResult(
      boolean allowSave,
      String duplicateRule,
      String duplicateRuleEntityType,
      String matchEntityType,
      String matchingRule,
      List<Match> matches,
      boolean includeRecordDetails) {}

  private record Rule(String name, String entityType, String matchType, String matchingRule) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "Standard_Lead_Duplicate_Rule",
              SchemaCatalog.LEAD,
              SchemaCatalog.LEAD,
              "Standard_Lead_Match_Rule_v1_0"),
          new Rule(
              "Standard_Rule_for_Leads_with_Duplicate_Contacts",
              SchemaCatalog.LEAD,
              SchemaCatalog.CONTACT,
              "Standard_Contact_Match_Rule_v1_1"),
          new Rule(
              "Standard_Contact_Duplicate_Rule",
              SchemaCatalog.CONTACT,
              SchemaCatalog.CONTACT,
              "Standard_Contact_Match_Rule_v1_1"),
          new Rule(
              "Standard_Rule_for_Contacts_with_Duplicate_Leads",
              SchemaCatalog.CONTACT,
              SchemaCatalog.LEAD,
              "Standard_Lead_Match_Rule_v1_0"));

  private static final Set<String> COMPANY_SUFFIXES =
      Set.of(
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "llc",
          "corp",
          "corporation",
          "co",
          "company",
          "gmbh",
          "ag",
          "plc",
          "sa",
          "bv");

  private final OrgState org;
  private final Header header;

  public DuplicateRules(OrgState org, Header header) {
    this.org = org;
    this.header = header;
  }

  /**
   * Runs the active rules before a create or update. Must run inside {@link OrgState#locked}.
   *
   * @param selfId the record's own id on update (it never matches itself), null on create
   * @return a failed outcome with one DuplicateError per rule that found matches, unless the save
   *     may go ahead
   */
  Optional<SaveOutcome> check(SObjectSchema schema, Map<String, Object> values, String selfId) {
    DuplicateRuleMode mode = org.duplicateRules();
    if (mode == DuplicateRuleMode.OFF || (mode == DuplicateRuleMode.ALERT && header.allowSave())) {
      return Optional.empty();
    }
    List<SaveError> errors = new ArrayList<>();
    for (RuleResult result : run(schema.name(), values, selfId)) {
      if (!result.matches().isEmpty()) {
        errors.add(new SaveError("DUPLICATES_DETECTED", DUPLICATE_MESSAGE, List.of(), result));
      }
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(new SaveOutcome(null, errors));
  }

  /**
   * Runs every active rule for a record of this type, including rules that found nothing (as
   * findDuplicates reports them). Empty when the rules are off or the type has none.
   */
  public List<RuleResult> run(String type, Map<String, Object> values, String selfId) {
    DuplicateRuleMode mode = org.duplicateRules();
    List<RuleResult> results = new ArrayList<>();
    if (mode == DuplicateRuleMode.OFF) {
      return results;
    }
    Person candidate = person(type, values);
    for (Rule rule : RULES) {
      if (!rule.entityType().equals(type)) {
        continue;
      }
      List<Match> matches = new ArrayList<>();
      for (Map<String, Object> existing : org.store().all(rule.matchType())) {
        if (existing.get("Id").equals(selfId) || Boolean.TRUE.equals(existing.get("IsConverted"))) {
          continue;
        }
        match(candidate, person(rule.matchType(), existing), existing).ifPresent(matches::add);
      }
      matches.sort(Comparator.comparingDouble(Match::confidence).reversed());
      results.add(
          new RuleResult(
              mode == DuplicateRuleMode.ALERT,
              rule.name(),
              rule.entityType(),
              rule.matchType(),
              rule.matchingRule(),
              matches,
              header.includeRecordDetails()));
    }
    return results;
  }

  private record Person(String first, String last, String email, String company) {}

  private Person person(String type, Map<String, Object> values) {
    String company;
    if (type.equals(SchemaCatalog.CONTACT)) {
      Object accountId = values.get("AccountId");
      company =
          accountId == null
              ? null
              : org.store().byId((String) accountId).map(a -> (String) a.get("Name")).orElse(null);
    } else {
      company = (String) values.get("Company");
    }
    return new Person(
        (String) values.get("FirstName"),
        (String) values.get("LastName"),
        (String) values.get("Email"),
        company);
  }

  private static Optional<Match> match(Person a, Person b, Map<String, Object> record) {
    boolean emailSame =
        a.email() != null
            && b.email() != null
            && a.email().trim().equalsIgnoreCase(b.email().trim());
    double first = similarity(normaliseName(a.first()), normaliseName(b.first()));
    double last = similarity(normaliseName(a.last()), normaliseName(b.last()));
    double company = similarity(normaliseCompany(a.company()), normaliseCompany(b.company()));
    boolean namesMatch = first >= THRESHOLD && last >= THRESHOLD && company >= THRESHOLD;
    if (!emailSame && !namesMatch) {
      return Optional.empty();
    }
    double confidence = emailSame ? 100.0 : Math.round((first + last + company) / 3 * 1000) / 10.0;
    List<FieldDiff> diffs = new ArrayList<>();
    diffs.add(new FieldDiff("Email", difference(a.email(), b.email(), emailSame ? 1 : 0)));
    diffs.add(new FieldDiff("FirstName", difference(a.first(), b.first(), first)));
    diffs.add(new FieldDiff("LastName", difference(a.last(), b.last(), last)));
    return Optional.of(new Match(record, confidence, diffs));
  }

  private static String difference(String a, String b, double similarity) {
    if (a == null || b == null) {
      return "NULL";
    }
    if (a.trim().equalsIgnoreCase(b.trim())) {
      return "SAME";
    }
    return similarity >= THRESHOLD ? "SIMILAR" : "DIFFERENT";
  }

  private static String normaliseName(String s) {
    if (s == null) {
      return null;
    }
    String n =
        s.toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} ]", "")
            .replaceAll("\\s+", " ")
            .trim();
    return n.isEmpty() ? null : n;
  }

  private static String normaliseCompany(String s) {
    String n = normaliseName(s == null ? null : s.replace('&', ' '));
    if (n == null) {
      return null;
    }
    List<String> words = new ArrayList<>(List.of(n.split(" ")));
    while (words.size() > 1 && COMPANY_SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  /** Jaro-Winkler similarity of two normalised strings; 0 when either is missing. */
  static double similarity(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    if (a.equals(b)) {
      return 1;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int k = 0;
    for (int i = 0; i < a.length(); i++) {
      if (aMatched[i]) {
        while (!bMatched[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          transpositions++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(a.length(), b.length()))
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}
