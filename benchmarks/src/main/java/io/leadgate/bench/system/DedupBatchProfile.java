package io.leadgate.bench.system;

import io.leadgate.dedup.matching.DuplicateMatcher;
import io.leadgate.dedup.matching.Verdict;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.emulator.EmulatorConfig;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.SalesforceEmulator;
import io.leadgate.emulator.UserSpec;
import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.NameCompanySimilarity;
import io.leadgate.identity.PersonKey;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.Candidate;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one dedup batch spends its time, without Kafka: one org of the system benchmark's people
 * (same Datafaker seed) in an in-process emulator, batches of the system benchmark's captures (30%
 * seeded duplicates, 5% repeats), each looked up with the production client's SOSL search and
 * matched with the production matcher (fuzzy name+company on, as in BLUE mode); new people are
 * created, so the org grows as in a real run. Prints, per phase, the median and p90 per batch, and
 * checks every verdict against an exhaustive reference that scores each capture against every
 * candidate, so a faster matcher cannot quietly change an answer.
 *
 * <p>Usage: {@code DedupBatchProfile [seeded] [batches] [batch-size]}
 */
public final class DedupBatchProfile {

  private static final IdentityNormalizer NORMALIZER =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private static final MatchThreshold THRESHOLD = MatchThreshold.of(0.88);

  private DedupBatchProfile() {}

  public static void main(String[] args) throws Exception {
    int seededCount = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    LeadFactory factory = new LeadFactory(42);
    Map<Integer, List<Person>> seeded = Workload.seeded(factory, 1, seededCount);
    List<Workload.Planned> plan = Workload.plan(factory, seeded, batches * batchSize);
    DuplicateMatcher matcher = new DuplicateMatcher(NORMALIZER);
    NameCompanySimilarity similarity = new NameCompanySimilarity();
    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withPort(0).withWorkerThreads(2))) {
      EmulatedOrg org =
          emulator.createOrg(
              OrgSpec.of("Profile Org", "profile-client", "secret")
                  .withDailyApiLimit(100_000_000)
                  .withUsers(
                      List.of(
                          UserSpec.integration("Leadgate", "Integration", "int@x.example"),
                          UserSpec.of("Jane", "Roe", "jane@x.example"))));
      List<Person> people = seeded.get(0);
      for (int i = 0; i < people.size(); i++) {
        org.seed(i % 3 == 0 ? "Contact" : "Lead", fields(people.get(i), i % 3 != 0));
      }
      try (SalesforceClient client =
          SalesforceClient.withClientCredentials(
              SalesforceSettings.of(org.orgId(), emulator.baseUrl(), org.clientId(), "secret"),
              usage -> {})) {
        int n = Math.min(batches, plan.size() / batchSize);
        double[] search = new double[n];
        double[] match = new double[n];
        double[] reference = new double[n];
        double[] candidates = new double[n];
        int wrong = 0;
        int differ = 0;
        long calls = 0;
        for (int b = 0; b < n; b++) {
          List<Workload.Planned> batch = plan.subList(b * batchSize, (b + 1) * batchSize);
          long t0 = System.nanoTime();
          CandidateResult result = client.searchCandidates(query(batch));
          long t1 = System.nanoTime();
          calls += result.calls();
          List<Optional<Verdict>> verdicts = new ArrayList<>();
          DuplicateMatcher.Prepared prepared = matcher.prepare(result.candidates());
          for (Workload.Planned p : batch) {
            verdicts.add(
                prepared.match(keys(p.person()), name(p.person()), Optional.of(THRESHOLD)));
          }
          long t2 = System.nanoTime();
          for (int i = 0; i < batch.size(); i++) {
            Workload.Planned p = batch.get(i);
            Optional<Verdict> exhaustive =
                exhaustive(prepared, similarity, result.candidates(), p.person());
            if (!sameRecord(exhaustive, verdicts.get(i))) {
              differ++;
            }
          }
          long t3 = System.nanoTime();
          search[b] = (t1 - t0) / 1e6;
          match[b] = (t2 - t1) / 1e6;
          reference[b] = (t3 - t2) / 1e6;
          candidates[b] = result.candidates().size();
          Map<String, NewRecord> creates = new LinkedHashMap<>();
          for (int i = 0; i < batch.size(); i++) {
            Workload.Planned p = batch.get(i);
            boolean found = verdicts.get(i).isPresent();
            if (found != (p.kind() != Workload.Kind.NEW)
                && !(p.kind() == Workload.Kind.REPEAT && creates.containsKey(personKey(p)))) {
              wrong++;
            }
            if (!found) {
              creates.putIfAbsent(
                  personKey(p), new NewRecord("Lead", toStrings(fields(p.person(), true))));
            }
          }
          List<NewRecord> toCreate = new ArrayList<>(creates.values());
          for (int c = 0; c < toCreate.size(); c += SalesforceClient.MAX_CREATE_BATCH) {
            client.create(
                toCreate.subList(
                    c, Math.min(toCreate.size(), c + SalesforceClient.MAX_CREATE_BATCH)));
          }
        }
        System.out.printf(
            "dedup batch profile: 1 org, %,d seeded, %d batches of %d (org grows to %,d records),"
                + " %.3f search calls per capture%n",
            seededCount,
            n,
            batchSize,
            org.records("Lead").size() + org.records("Contact").size(),
            (double) calls / (n * batchSize));
        System.out.printf("%-34s %10s %10s %10s%n", "per batch", "median", "p90", "last");
        row("candidates returned", candidates);
        row("SOSL search, ms (client+emulator)", search);
        row("matching, ms (production)", match);
        row("matching, ms (exhaustive reference)", reference);
        System.out.printf(
            "verdicts: %d wrong against the plan, %d differing from the exhaustive reference%n",
            wrong, differ);
      }
    }
  }

  /** Exact keys as the production matcher; else the best fuzzy score over every candidate. */
  private static Optional<Verdict> exhaustive(
      DuplicateMatcher.Prepared prepared,
      NameCompanySimilarity similarity,
      List<Candidate> candidates,
      Person person) {
    Optional<Verdict> exact = prepared.match(keys(person));
    if (exact.isPresent()) {
      return exact;
    }
    Verdict best = null;
    for (Candidate c : candidates) {
      double score =
          similarity.score(name(person), new NameCompany(c.firstName(), c.lastName(), c.company()));
      if (THRESHOLD.accepts(score)) {
        Verdict v = new Verdict(c, "name+company", score);
        if (best == null || better(v, best)) {
          best = v;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(Verdict a, Verdict b) {
    int object =
        Integer.compare(
            a.record().object().equals("Contact") ? 0 : 1,
            b.record().object().equals("Contact") ? 0 : 1);
    if (object != 0) {
      return object < 0;
    }
    int confidence = Double.compare(b.confidence(), a.confidence());
    if (confidence != 0) {
      return confidence < 0;
    }
    return a.record().id().compareTo(b.record().id()) < 0;
  }

  private static boolean sameRecord(Optional<Verdict> a, Optional<Verdict> b) {
    return a.map(v -> v.record().id()).equals(b.map(v -> v.record().id()));
  }

  private static void row(String label, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-34s %10.1f %10.1f %10.1f%n",
        label,
        sorted[sorted.length / 2],
        sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))],
        values[values.length - 1]);
  }

  private static CandidateQuery query(List<Workload.Planned> batch) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> linkedins = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    Set<String> lastNames = new LinkedHashSet<>();
    for (Workload.Planned p : batch) {
      IdentityKeys keys = keys(p.person());
      keys.email().ifPresent(emails::add);
      keys.linkedin().ifPresent(linkedins::add);
      keys.phone().ifPresent(phones::add);
      if (p.person().lastName() != null && !p.person().lastName().isBlank()) {
        lastNames.add(p.person().lastName().strip());
      }
    }
    return new CandidateQuery(emails, linkedins, phones, lastNames);
  }

  private static IdentityKeys keys(Person p) {
    return NORMALIZER.keys(
        new RawIdentity(
            p.firstName(), p.lastName(), p.email(), p.phone(), p.company(), p.linkedinUrl()));
  }

  private static NameCompany name(Person p) {
    return new NameCompany(p.firstName(), p.lastName(), p.company());
  }

  private static String personKey(Workload.Planned p) {
    return keys(p.person()).personKey().map(PersonKey::value).orElseThrow();
  }

  private static Map<String, Object> fields(Person p, boolean withCompany) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("FirstName", p.firstName());
    fields.put("LastName", p.lastName());
    fields.put("Email", p.email().strip());
    if (p.phone() != null) {
      fields.put("Phone", p.phone());
    }
    if (p.linkedinUrl() != null) {
      fields.put("LinkedIn_URL__c", p.linkedinUrl());
    }
    if (withCompany) {
      fields.put("Company", p.company());
    }
    return fields;
  }

  private static Map<String, String> toStrings(Map<String, Object> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
