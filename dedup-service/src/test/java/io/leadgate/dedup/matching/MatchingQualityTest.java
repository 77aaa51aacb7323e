package io.leadgate.dedup.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the matcher on a labelled set generated here: variants of seeded people
 * (case, spaces, LinkedIn URL forms, phone formats, nicknames, company suffixes, typos) and
 * look-alikes who are different people. Every probe is compared with every seeded record, the
 * hardest case for precision.
 */
class MatchingQualityTest {

  private static final String[][] FIRST = {
    {"Robert", "Bob"}, {"William", "Bill"}, {"Katherine", "Kate"}, {"Elizabeth", "Liz"},
    {"James", "Jim"}, {"Michael", "Mike"}, {"Thomas", "Tom"}, {"Margaret", "Peggy"},
    {"Christopher", "Chris"}, {"Jennifer", "Jenny"}, {"Andrew", "Andy"}, {"Joseph", "Joe"},
    {"Anthony", "Tony"}, {"Susan", "Sue"}, {"Matthew", "Matt"}, {"Daniel", "Dan"}
  };
  private static final String[] LOOKALIKE_FIRST = {"Zoltan", "Priya", "Oluwaseun", "Xiomara"};
  private static final String[] LAST = {
    "Lovelace", "Hopper", "Babbage", "Turing", "Hamilton", "Noether", "Curie", "Franklin",
    "Goldberg", "Liskov", "Ritchie", "Thompson", "Kernighan", "Torvalds", "Stroustrup", "Gosling",
    "Wirth", "Dijkstra", "Knuth", "Lamport", "Hoare", "Backus", "McCarthy", "Minsky"
  };
  private static final String[] COMPANY = {
    "Analytical Engines", "Navy Systems", "Difference Works", "Bletchley Labs", "Apollo Guidance",
    "Algebra House", "Radium Partners", "Helix Research", "Smalltalk Studio", "Abstraction Group"
  };
  private static final String[] SUFFIX = {" Inc.", ", LLC", " Ltd", " GmbH", " Corp"};

  private static final IdentityNormalizer NORMALIZER =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private static final DuplicateMatcher MATCHER = new DuplicateMatcher(NORMALIZER);
  private static final Optional<MatchThreshold> FUZZY = Optional.of(MatchThreshold.DEFAULT);

  private record Person(String id, String first, String nick, String last, String company, int n) {
    String email() {
      return first.toLowerCase() + "." + last.toLowerCase() + n + "@" + domain();
    }

    String domain() {
      return company.toLowerCase().replace(" ", "") + ".example";
    }

    String slug() {
      return first.toLowerCase() + "-" + last.toLowerCase() + "-" + n;
    }

    String phone() {
      return String.format("+1415555%04d", n);
    }
  }

  private record Probe(RawIdentity identity, String expectedId, String kind) {}

  private static final List<Person> seeded = new ArrayList<>();
  private static final List<Candidate> records = new ArrayList<>();

  @BeforeAll
  static void seed() {
    Random random = new Random(42);
    int n = 0;
    for (String last : LAST) {
      for (int i = 0; i < 3; i++) {
        String[] first = FIRST[random.nextInt(FIRST.length)];
        String company = COMPANY[random.nextInt(COMPANY.length)];
        Person person = new Person("00Q" + n, first[0], first[1], last, company, n++);
        if (seeded.stream()
            .anyMatch(
                p ->
                    p.first.equals(person.first)
                        && p.last.equals(last)
                        && p.company.equals(company))) {
          continue; // one person per name+company, or the labels would be ambiguous
        }
        seeded.add(person);
        records.add(
            new Candidate(
                n % 3 == 0 ? "Contact" : "Lead",
                person.id,
                person.first,
                person.last,
                person.email(),
                String.format("(415) 555-%04d", person.n),
                person.company,
                "https://www.linkedin.com/in/" + person.slug() + "/",
                "Owner",
                "owner@x.example"));
      }
    }
  }

  @Test
  void precisionAndRecallMeetTheTargets() {
    Random random = new Random(7);
    List<Probe> probes = new ArrayList<>();
    for (Person p : seeded) {
      String email = random.nextBoolean() ? "  " + p.email().toUpperCase() + " " : p.email();
      probes.add(
          new Probe(new RawIdentity(p.first, p.last, email, null, null, null), p.id, "exact"));
      String url =
          switch (random.nextInt(4)) {
            case 0 -> "linkedin.com/in/" + p.slug();
            case 1 -> "http://uk.linkedin.com/in/" + p.slug().toUpperCase() + "?trk=abc";
            case 2 -> "https://m.linkedin.com/in/" + p.slug() + "/#top";
            default -> "https://www.linkedin.com/in/" + p.slug();
          };
      probes.add(new Probe(new RawIdentity(p.first, p.last, null, null, null, url), p.id, "exact"));
      String phone = random.nextBoolean() ? "415.555." + String.format("%04d", p.n) : p.phone();
      probes.add(new Probe(new RawIdentity(null, p.last, null, phone, null, null), p.id, "exact"));

      String first = random.nextBoolean() ? p.nick : p.first.toUpperCase();
      String company =
          random.nextBoolean()
              ? p.company + SUFFIX[random.nextInt(SUFFIX.length)]
              : "The " + p.company.toLowerCase();
      String last = random.nextInt(3) == 0 ? typo(p.last, random) : p.last;
      probes.add(
          new Probe(new RawIdentity(first, last, null, null, company, null), p.id, "name+company"));

      String other = LOOKALIKE_FIRST[random.nextInt(LOOKALIKE_FIRST.length)];
      probes.add(
          new Probe(
              new RawIdentity(
                  other, p.last, "someone.else" + p.n + "@other.example", null, p.company, null),
              null,
              "look-alike"));
      // A namesake at another company is another person.
      probes.add(
          new Probe(
              new RawIdentity(p.first, p.last, null, null, "Quantum Bakery Cooperative", null),
              null,
              "look-alike"));
    }

    int predicted = 0;
    int correct = 0;
    int[] shouldMatch = new int[2];
    int[] found = new int[2];
    for (Probe probe : probes) {
      IdentityKeys keys = NORMALIZER.keys(probe.identity());
      NameCompany name =
          new NameCompany(
              probe.identity().firstName(),
              probe.identity().lastName(),
              probe.identity().company());
      Optional<Verdict> verdict = MATCHER.match(keys, name, records, FUZZY);
      int kind = probe.kind().equals("exact") ? 0 : 1;
      if (probe.expectedId() != null) {
        shouldMatch[kind]++;
      }
      if (verdict.isPresent()) {
        predicted++;
        if (verdict.get().record().id().equals(probe.expectedId())) {
          correct++;
          found[kind]++;
        }
      }
    }
    double precision = (double) correct / predicted;
    double exactRecall = (double) found[0] / shouldMatch[0];
    double fuzzyRecall = (double) found[1] / shouldMatch[1];
    System.out.printf(
        "matching quality on %d probes over %d records: precision %.4f, recall exact keys %.4f,"
            + " recall name+company %.4f%n",
        probes.size(), records.size(), precision, exactRecall, fuzzyRecall);

    assertThat(precision).isGreaterThanOrEqualTo(0.999);
    assertThat(exactRecall).isGreaterThanOrEqualTo(0.99);
    assertThat(fuzzyRecall).isGreaterThanOrEqualTo(0.90);
  }

  private static String typo(String word, Random random) {
    int i = 1 + random.nextInt(word.length() - 2);
    char[] chars = word.toCharArray();
    char c = chars[i];
    chars[i] = chars[i + 1];
    chars[i + 1] = c;
    return new String(chars);
  }
}
