package io.leadgate.bench.system;

import io.leadgate.dedup.matching.BatchLookup;
import io.leadgate.dedup.matching.DuplicateMatcher;
import io.leadgate.dedup.matching.FuzzyCandidates;
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
import io.leadgate.salesforce.CreateOutcome;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one dedup batch spends its time, without Kafka, before and after remembering fuzzy
 * candidates, side by side on the same org state: one org of the system benchmark's people (same
 * Datafaker seed) in an in-process emulator, batches of the system benchmark's captures (30% seeded
 * duplicates, 5% repeats). Each batch is looked up twice with the production client's SOSL search:
 * "before" searches every last name of the batch and matches all it returns; "after" is
 * production's {@link BatchLookup}, which searches the exact keys and only the last names {@link
 * FuzzyCandidates} does not hold yet. New people are created (and reported to the memory as dedup's
 * status feed would), so the org grows as in a real run. Prints calls per capture and, per phase,
 * the median and p90 per batch, and compares every verdict of "after" with "before"; a difference
 * is checked against an exhaustive reference that scores the capture against every candidate
 * "before" found.
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
        // The profile runs in real time against the emulator: the remembered candidates and the
        // search times they are stamped with read one clock.
        Clock clock = Clock.systemUTC();
        FuzzyCandidates known = new FuzzyCandidates(200_000, Duration.ofMinutes(5), clock);
        double[] search = new double[n];
        double[] match = new double[n];
        double[] candidates = new double[n];
        double[] calls = new double[n];
        double[] oldSearch = new double[n];
        double[] oldMatch = new double[n];
        double[] oldCandidates = new double[n];
        double[] oldCalls = new double[n];
        double[] remembered = new double[n];
        int wrong = 0;
        int oldWrong = 0;
        int differ = 0;
        int differReference = 0;
        for (int b = 0; b < n; b++) {
          List<Workload.Planned> batch = plan.subList(b * batchSize, (b + 1) * batchSize);
          // Before: every last name of the batch searched again, all candidates matched.
          long t0 = System.nanoTime();
          CandidateResult full = client.searchCandidates(query(batch));
          long t1 = System.nanoTime();
          DuplicateMatcher.Prepared prepared = matcher.prepare(full.candidates());
          List<Optional<Verdict>> before = new ArrayList<>();
          for (Workload.Planned p : batch) {
            before.add(prepared.match(keys(p.person()), name(p.person()), Optional.of(THRESHOLD)));
          }
          long t2 = System.nanoTime();
          // After (production): exact keys and the last names not remembered yet.
          List<BatchLookup.Capture> captures = new ArrayList<>();
          for (Workload.Planned p : batch) {
            captures.add(new BatchLookup.Capture(keys(p.person()), name(p.person())));
          }
          long t3 = System.nanoTime();
          BatchLookup lookup = BatchLookup.plan("org", captures, true, known);
          java.time.Instant searchedAt = clock.instant();
          CandidateResult result = client.searchCandidates(lookup.query());
          long t4 = System.nanoTime();
          BatchLookup.Matches matches = lookup.complete(result, searchedAt, matcher);
          List<Optional<Verdict>> verdicts = new ArrayList<>();
          for (BatchLookup.Capture capture : captures) {
            verdicts.add(matches.match(capture, Optional.of(THRESHOLD)));
          }
          long t5 = System.nanoTime();
          for (int i = 0; i < batch.size(); i++) {
            if (!sameRecord(before.get(i), verdicts.get(i))) {
              differ++;
              Optional<Verdict> exhaustive =
                  exhaustive(prepared, similarity, full.candidates(), batch.get(i).person());
              if (!sameRecord(exhaustive, verdicts.get(i))) {
                differReference++;
              }
            }
          }
          search[b] = (t4 - t3) / 1e6;
          match[b] = (t5 - t4) / 1e6;
          candidates[b] = result.candidates().size();
          calls[b] = result.calls();
          remembered[b] = lookup.rememberedNames();
          oldSearch[b] = (t1 - t0) / 1e6;
          oldMatch[b] = (t2 - t1) / 1e6;
          oldCandidates[b] = full.candidates().size();
          oldCalls[b] = full.calls();
          Map<String, NewRecord> creates = new LinkedHashMap<>();
          Map<String, String> captureOf = new LinkedHashMap<>();
          for (int i = 0; i < batch.size(); i++) {
            Workload.Planned p = batch.get(i);
            boolean found = verdicts.get(i).isPresent();
            if (found != (p.kind() != Workload.Kind.NEW)
                && !(p.kind() == Workload.Kind.REPEAT && creates.containsKey(personKey(p)))) {
              wrong++;
            }
            if (before.get(i).isPresent() != (p.kind() != Workload.Kind.NEW)
                && !(p.kind() == Workload.Kind.REPEAT && creates.containsKey(personKey(p)))) {
              oldWrong++;
            }
            if (!found && !creates.containsKey(personKey(p))) {
              creates.put(personKey(p), new NewRecord("Lead", toStrings(fields(p.person(), true))));
              String captureId = "c" + b + "-" + i;
              captureOf.put(personKey(p), captureId);
              known.sentToCreate(
                  captureId,
                  "org",
                  matcher.fuzzyCandidate(
                      new Candidate(
                          "Lead",
                          null,
                          p.person().firstName(),
                          p.person().lastName(),
                          p.person().email(),
                          p.person().phone(),
                          p.person().company(),
                          p.person().linkedinUrl(),
                          null,
                          null)));
            }
          }
          List<String> order = new ArrayList<>(creates.keySet());
          List<NewRecord> toCreate = new ArrayList<>(creates.values());
          for (int c = 0; c < toCreate.size(); c += SalesforceClient.MAX_CREATE_BATCH) {
            int to = Math.min(toCreate.size(), c + SalesforceClient.MAX_CREATE_BATCH);
            List<CreateOutcome> outcomes = client.create(toCreate.subList(c, to));
            for (int k = 0; k < outcomes.size(); k++) {
              if (outcomes.get(k) instanceof CreateOutcome.Created created) {
                known.finished(captureOf.get(order.get(c + k)), Optional.of(created.id()));
              }
            }
          }
        }
        System.out.printf(
            "dedup batch profile: 1 org, %,d seeded, %d batches of %d (org grows to %,d records)%n",
            seededCount, n, batchSize, org.records("Lead").size() + org.records("Contact").size());
        System.out.printf(
            "search calls per capture: before %.4f, after %.4f%n",
            sum(oldCalls) / (n * batchSize), sum(calls) / (n * batchSize));
        System.out.printf("%-44s %10s %10s %10s%n", "per batch", "median", "p90", "last");
        row("before: candidates returned", oldCandidates);
        row("before: SOSL search, ms (client+emulator)", oldSearch);
        row("before: matching, ms", oldMatch);
        row("after: last names answered from memory", remembered);
        row("after: candidates returned", candidates);
        row("after: SOSL search, ms (client+emulator)", search);
        row("after: matching, ms (incl. remembering)", match);
        System.out.printf(
            "verdicts: wrong against the plan: before %d, after %d; after differing from before %d"
                + " (of which also from the exhaustive reference over before's candidates: %d)%n",
            oldWrong, wrong, differ, differReference);
      }
    }
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
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
