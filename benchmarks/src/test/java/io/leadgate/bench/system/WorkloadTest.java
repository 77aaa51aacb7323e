package io.leadgate.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.bench.system.Workload.Kind;
import io.leadgate.bench.system.Workload.Planned;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.PersonKey;
import io.leadgate.identity.RawIdentity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  private static final IdentityNormalizer IDENTITY =
      new IdentityNormalizer(new IdentityPolicy("US", false));

  @Test
  void everyBlockOfTwentyHasExactlyThirtyPercentSeededAndFivePercentRepeats() {
    LeadFactory factory = new LeadFactory(7);
    Map<Integer, List<Person>> seeded = Workload.seeded(factory, 3, 100);
    List<Planned> plan = Workload.plan(factory, seeded, 2_000);

    assertThat(plan).hasSize(2_000);
    Map<Kind, Long> kinds =
        plan.stream().collect(Collectors.groupingBy(Planned::kind, Collectors.counting()));
    assertThat(kinds)
        .containsEntry(Kind.SEEDED_DUPLICATE, 600L)
        .containsEntry(Kind.REPEAT, 100L)
        .containsEntry(Kind.NEW, 1_300L);
    for (int from = 0; from < plan.size(); from += Workload.BLOCK) {
      List<Planned> block = plan.subList(from, from + Workload.BLOCK);
      assertThat(block.stream().filter(p -> p.kind() == Kind.SEEDED_DUPLICATE)).hasSize(6);
      assertThat(block.stream().filter(p -> p.kind() == Kind.REPEAT)).hasSize(1);
    }
  }

  @Test
  void duplicatesAndRepeatsAreThePersonOfTheirOrgAndNewPeopleAreDistinct() {
    LeadFactory factory = new LeadFactory(11);
    Map<Integer, List<Person>> seeded = Workload.seeded(factory, 3, 200);
    Map<String, Integer> seededOrgByKey = new HashMap<>();
    seeded.forEach((org, people) -> people.forEach(p -> seededOrgByKey.put(key(p), org)));
    assertThat(seededOrgByKey).hasSize(600);

    Map<String, Integer> newOrgByKey = new HashMap<>();
    Set<Integer> orgsUsed = new HashSet<>();
    for (Planned planned : Workload.plan(factory, seeded, 2_000)) {
      String key = key(planned.person());
      orgsUsed.add(planned.org());
      switch (planned.kind()) {
        case SEEDED_DUPLICATE -> assertThat(seededOrgByKey).containsEntry(key, planned.org());
        case REPEAT -> assertThat(newOrgByKey).containsEntry(key, planned.org());
        case NEW -> {
          assertThat(seededOrgByKey).doesNotContainKey(key);
          assertThat(newOrgByKey.put(key, planned.org())).isNull();
        }
      }
    }
    assertThat(orgsUsed).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void theSameSeedPlansTheSameCaptures() {
    LeadFactory first = new LeadFactory(42);
    LeadFactory second = new LeadFactory(42);
    List<Planned> a = Workload.plan(first, Workload.seeded(first, 3, 50), 500);
    List<Planned> b = Workload.plan(second, Workload.seeded(second, 3, 50), 500);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void generatedPeopleAreValidCapturesWithUsableIdentities() {
    LeadFactory factory = new LeadFactory(3);
    for (int i = 0; i < 500; i++) {
      Person p = factory.next();
      assertThat(p.firstName()).matches("[\\p{L}\\p{M} .,'-]{1,40}");
      assertThat(p.lastName()).matches("[\\p{L}\\p{M} .,'-]{1,80}");
      assertThat(p.email()).hasSizeLessThanOrEqualTo(80);
      assertThat(IDENTITY.email(p.email())).isPresent();
      if (p.phone() != null) {
        assertThat(IDENTITY.phone(p.phone())).isPresent();
      }
      if (p.linkedinUrl() != null) {
        assertThat(IDENTITY.linkedin(p.linkedinUrl())).isPresent();
      }
      assertThat(p.company()).doesNotContain("<", ">").isNotBlank();
    }
  }

  private static String key(Person p) {
    RawIdentity raw =
        new RawIdentity(
            p.firstName(), p.lastName(), p.email(), p.phone(), p.company(), p.linkedinUrl());
    return IDENTITY.personKey(raw).map(PersonKey::value).orElseThrow();
  }
}
