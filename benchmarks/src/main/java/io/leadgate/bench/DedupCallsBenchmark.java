package io.leadgate.bench;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectorConfig;
import io.leadgate.dedup.matching.DuplicateMatcher;
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
import io.leadgate.identity.PersonKey;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.salesforce.SalesforceClient;
import io.leadgate.salesforce.SalesforceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Salesforce calls per lead, Leadgate's way against a naive one-lead-at-a-time checker, on the same
 * data in the same run, counted by the emulator. Leadgate's way is the dedup and writer batching
 * policy (per org: one SOSL search per batch of up to 200 captures, then one create per up to 200
 * new people) driven with the production client and matcher, without Kafka in between; the naive
 * checker queries Lead, queries Contact, fetches the owner, and creates one by one.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks-*-exec.jar
 * -Dloader.main=io.leadgate.bench.DedupCallsBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [burst] [trickle]}, or
 * scripts/bench-dedup-calls.sh
 */
public final class DedupCallsBenchmark {

  private static final int BATCH = 200;
  private static final IdentityNormalizer NORMALIZER =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private static final DuplicateMatcher MATCHER = new DuplicateMatcher(NORMALIZER);

  private record Capture(String org, RawIdentity identity, boolean duplicate) {}

  private DedupCallsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int burst = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int trickle = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    try (SalesforceEmulator emulator =
        SalesforceEmulator.start(EmulatorConfig.defaults().withPort(0).withWorkerThreads(4))) {
      System.out.printf("Salesforce calls per lead (3 orgs, 30%% duplicates of seeded records)%n");
      System.out.printf("%-8s %8s %14s %14s %8s%n", "run", "leads", "leadgate", "naive", "ratio");
      report(emulator, "burst", burst, true);
      report(emulator, "trickle", trickle, false);
    }
  }

  private static void report(SalesforceEmulator emulator, String name, int leads, boolean batched)
      throws Exception {
    Run leadgate = run(emulator, name + "-lg", leads, batched ? BATCH : 1, false);
    Run naive = run(emulator, name + "-nv", leads, 1, true);
    System.out.printf(
        "%-8s %8d %14.4f %14.4f %7.1fx%n",
        name, leads, leadgate.perLead(), naive.perLead(), naive.perLead() / leadgate.perLead());
    if (!batched) {
      System.out.printf(
          "%-8s per new lead %.2f (naive %.2f), per duplicate %.2f (naive %.2f)%n",
          "", leadgate.perNew(), naive.perNew(), leadgate.perDuplicate(), naive.perDuplicate());
    }
    if (leadgate.wrong > 0 || naive.wrong > 0) {
      System.out.printf("  WRONG verdicts: leadgate %d, naive %d%n", leadgate.wrong, naive.wrong);
    }
  }

  private record Run(
      long calls, int leads, long newCalls, int news, long dupCalls, int dups, int wrong) {
    double perLead() {
      return (double) calls / leads;
    }

    double perNew() {
      return news == 0 ? 0 : (double) newCalls / news;
    }

    double perDuplicate() {
      return dups == 0 ? 0 : (double) dupCalls / dups;
    }
  }

  private static Run run(
      SalesforceEmulator emulator, String tag, int leads, int batch, boolean naive)
      throws Exception {
    Random random = new Random(42);
    List<EmulatedOrg> orgs = new ArrayList<>();
    Map<String, List<RawIdentity>> seeded = new LinkedHashMap<>();
    for (int o = 0; o < 3; o++) {
      EmulatedOrg org =
          emulator.createOrg(
              OrgSpec.of(tag + o, tag + "-client-" + o, "secret")
                  .withDailyApiLimit(10_000_000)
                  .withUsers(
                      List.of(
                          UserSpec.integration("Leadgate", "Integration", "int" + o + "@x.example"),
                          UserSpec.of("Jane", "Roe", "jane" + o + "@x.example"))));
      orgs.add(org);
      List<RawIdentity> people = new ArrayList<>();
      for (int i = 0; i < Math.max(50, leads / 10); i++) {
        RawIdentity person = person(tag + "-seeded-" + o + "-" + i);
        org.seed(
            i % 3 == 0 ? "Contact" : "Lead",
            i % 3 == 0
                ? Map.of(
                    "FirstName",
                    person.firstName(),
                    "LastName",
                    person.lastName(),
                    "Email",
                    person.email())
                : Map.of(
                    "FirstName", person.firstName(),
                    "LastName", person.lastName(),
                    "Company", person.company(),
                    "Email", person.email()));
        people.add(person);
      }
      seeded.put(org.orgId(), people);
    }
    List<Capture> captures = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      EmulatedOrg org = orgs.get(random.nextInt(orgs.size()));
      if (random.nextInt(100) < 30) {
        List<RawIdentity> people = seeded.get(org.orgId());
        RawIdentity p = people.get(random.nextInt(people.size()));
        captures.add(
            new Capture(
                org.orgId(),
                new RawIdentity(
                    p.firstName(),
                    p.lastName(),
                    " " + p.email().toUpperCase(),
                    null,
                    p.company(),
                    null),
                true));
      } else {
        captures.add(new Capture(org.orgId(), person(tag + "-new-" + i), false));
      }
    }

    Map<String, SalesforceClient> clients = new LinkedHashMap<>();
    for (EmulatedOrg org : orgs) {
      clients.put(
          org.orgId(),
          SalesforceClient.withClientCredentials(
              SalesforceSettings.of(org.orgId(), emulator.baseUrl(), org.clientId(), "secret"),
              usage -> {}));
    }
    long before = orgs.stream().mapToLong(EmulatedOrg::apiCallsInWindow).sum();
    long newCalls = 0;
    long dupCalls = 0;
    int news = 0;
    int dups = 0;
    int wrong = 0;
    if (naive) {
      Map<String, PartnerConnection> connections = new LinkedHashMap<>();
      for (EmulatedOrg org : orgs) {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(org.openSession());
        config.setServiceEndpoint(emulator.soapEndpoint());
        connections.put(org.orgId(), Connector.newConnection(config));
      }
      for (Capture capture : captures) {
        EmulatedOrg org =
            orgs.stream().filter(x -> x.orgId().equals(capture.org())).findFirst().orElseThrow();
        long start = org.apiCallsInWindow();
        boolean found = naiveCheck(connections.get(capture.org()), capture.identity());
        if (!found) {
          clients.get(capture.org()).create(List.of(record(capture.identity())));
        }
        long spent = org.apiCallsInWindow() - start;
        if (capture.duplicate()) {
          dups++;
          dupCalls += spent;
        } else {
          news++;
          newCalls += spent;
        }
        wrong += found == capture.duplicate() ? 0 : 1;
      }
    } else {
      for (int from = 0; from < captures.size(); from += batch) {
        List<Capture> slice = captures.subList(from, Math.min(captures.size(), from + batch));
        Map<String, List<Capture>> byOrg = new LinkedHashMap<>();
        slice.forEach(c -> byOrg.computeIfAbsent(c.org(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<Capture>> group : byOrg.entrySet()) {
          EmulatedOrg org =
              orgs.stream().filter(x -> x.orgId().equals(group.getKey())).findFirst().orElseThrow();
          long start = org.apiCallsInWindow();
          SalesforceClient client = clients.get(group.getKey());
          CandidateResult candidates = client.searchCandidates(query(group.getValue()));
          List<NewRecord> creates = new ArrayList<>();
          Set<String> creating = new LinkedHashSet<>();
          for (Capture capture : group.getValue()) {
            IdentityKeys keys = NORMALIZER.keys(capture.identity());
            boolean found =
                MATCHER
                    .match(
                        keys,
                        new NameCompany(
                            capture.identity().firstName(),
                            capture.identity().lastName(),
                            capture.identity().company()),
                        candidates.candidates(),
                        Optional.of(MatchThreshold.DEFAULT))
                    .isPresent();
            wrong += found == capture.duplicate() ? 0 : 1;
            if (!found && creating.add(keys.personKey().map(PersonKey::value).orElseThrow())) {
              creates.add(record(capture.identity()));
            }
          }
          for (int c = 0; c < creates.size(); c += SalesforceClient.MAX_CREATE_BATCH) {
            client.create(
                creates.subList(
                    c, Math.min(creates.size(), c + SalesforceClient.MAX_CREATE_BATCH)));
          }
          long spent = org.apiCallsInWindow() - start;
          long groupDups = group.getValue().stream().filter(Capture::duplicate).count();
          if (batch == 1) {
            if (groupDups == 1) {
              dups++;
              dupCalls += spent;
            } else {
              news++;
              newCalls += spent;
            }
          }
        }
      }
    }
    long calls = orgs.stream().mapToLong(EmulatedOrg::apiCallsInWindow).sum() - before;
    clients.values().forEach(SalesforceClient::close);
    return new Run(calls, leads, newCalls, news, dupCalls, dups, wrong);
  }

  /** Query Lead, query Contact, fetch the owner: what the replaced tool does for every lead. */
  private static boolean naiveCheck(PartnerConnection connection, RawIdentity identity)
      throws Exception {
    return new NaiveChecker(connection).exists(identity.email());
  }

  private static CandidateQuery query(List<Capture> captures) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> lastNames = new LinkedHashSet<>();
    for (Capture capture : captures) {
      NORMALIZER.keys(capture.identity()).email().ifPresent(emails::add);
      lastNames.add(capture.identity().lastName());
    }
    return new CandidateQuery(emails, Set.of(), Set.of(), lastNames);
  }

  private static NewRecord record(RawIdentity identity) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("FirstName", identity.firstName());
    fields.put("LastName", identity.lastName());
    fields.put("Company", identity.company());
    fields.put("Email", identity.email().strip());
    fields.put(
        "Leadgate_Person_Key__c",
        NORMALIZER.keys(identity).personKey().map(PersonKey::value).orElseThrow());
    return new NewRecord("Lead", fields);
  }

  private static RawIdentity person(String id) {
    String slug = id.replaceAll("[^A-Za-z0-9]", "");
    return new RawIdentity(
        "First" + slug,
        "Last" + slug,
        slug.toLowerCase() + "@bench.example",
        null,
        "Company " + slug,
        null);
  }
}
