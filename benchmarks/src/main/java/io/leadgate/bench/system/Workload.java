package io.leadgate.bench.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The captures of one workload, in sending order, across the benchmark's orgs: in every block of
 * 20, 6 (30%) are duplicates of records seeded in the org, 1 (5%) repeats a person captured earlier
 * in the same workload, and 13 are new people, in random order. A repeat drawn before any new
 * person of its workload swaps places with a later new person of its block.
 */
final class Workload {

  static final int BLOCK = 20;
  static final int SEEDED_PER_BLOCK = 6;
  static final int REPEATS_PER_BLOCK = 1;

  /** What a capture is, and so what Leadgate must answer. */
  enum Kind {
    NEW,
    SEEDED_DUPLICATE,
    REPEAT;

    /** The final state Leadgate must reach for a capture of this kind. */
    String expectedState() {
      return this == NEW ? "CREATED" : "DUPLICATE";
    }
  }

  /** One capture to send: the org (index into the org list), what it is, and its fields. */
  record Planned(int sequence, int org, Kind kind, Person person, String capturedBy) {}

  private Workload() {}

  /**
   * Plans {@code count} captures. {@code seeded} holds, per org, the people already in its org; new
   * people come from {@code factory}, which also supplies the randomness.
   */
  static List<Planned> plan(LeadFactory factory, Map<Integer, List<Person>> seeded, int count) {
    Random random = factory.random();
    int orgs = seeded.size();
    List<Planned> plan = new ArrayList<>(count);
    List<Planned> firstCaptures = new ArrayList<>();
    List<Kind> block = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (block.isEmpty()) {
        for (int k = 0; k < BLOCK; k++) {
          block.add(
              k < SEEDED_PER_BLOCK
                  ? Kind.SEEDED_DUPLICATE
                  : k < SEEDED_PER_BLOCK + REPEATS_PER_BLOCK ? Kind.REPEAT : Kind.NEW);
        }
        Collections.shuffle(block, random);
      }
      Kind kind = block.remove(block.size() - 1);
      if (kind == Kind.REPEAT && firstCaptures.isEmpty()) {
        // Nobody to repeat yet: swap with a later new person of the same block.
        block.set(block.indexOf(Kind.NEW), Kind.REPEAT);
        kind = Kind.NEW;
      }
      if (kind == Kind.REPEAT) {
        Planned original = firstCaptures.get(random.nextInt(firstCaptures.size()));
        plan.add(
            new Planned(
                i,
                original.org(),
                Kind.REPEAT,
                factory.retyped(original.person()),
                rep(original.org(), random)));
        continue;
      }
      if (kind == Kind.SEEDED_DUPLICATE) {
        int org = random.nextInt(orgs);
        List<Person> people = seeded.get(org);
        Person person = people.get(random.nextInt(people.size()));
        plan.add(
            new Planned(i, org, Kind.SEEDED_DUPLICATE, factory.retyped(person), rep(org, random)));
        continue;
      }
      int org = random.nextInt(orgs);
      Planned planned = new Planned(i, org, Kind.NEW, factory.next(), rep(org, random));
      firstCaptures.add(planned);
      plan.add(planned);
    }
    return plan;
  }

  /** The seeded people of every org, in the order the seed file lists them. */
  static Map<Integer, List<Person>> seeded(LeadFactory factory, int orgs, int perOrg) {
    Map<Integer, List<Person>> seeded = new java.util.LinkedHashMap<>();
    for (int org = 0; org < orgs; org++) {
      List<Person> people = new ArrayList<>(perOrg);
      for (int i = 0; i < perOrg; i++) {
        people.add(factory.next());
      }
      seeded.put(org, people);
    }
    return seeded;
  }

  private static String rep(int org, Random random) {
    return "rep" + (1 + random.nextInt(5)) + "@team" + (org + 1) + ".example";
  }
}
