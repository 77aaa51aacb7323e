package io.leadgate.dedup.matching;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.NameCompanySimilarity;
import io.leadgate.salesforce.Candidate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a captured person is one of the candidates Salesforce returned, by the same
 * normalised keys on both sides. An exact key (e-mail, then LinkedIn, then phone) beats a fuzzy
 * name+company score; among equals a Contact wins over a Lead, because a Contact is a person the
 * company already works with; then the strongest confidence. Plain Java.
 */
public final class DuplicateMatcher {

  private static final List<String> CONTACT_FIRST = List.of("Contact", "Lead");
  private static final List<String> KEY_RANK =
      List.of("email", "linkedin", "phone", "name+company");

  private final IdentityNormalizer normalizer;
  private final NameCompanySimilarity similarity = new NameCompanySimilarity();

  public DuplicateMatcher(IdentityNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /** Exact keys only. */
  public Optional<Verdict> match(IdentityKeys lead, List<Candidate> candidates) {
    return prepare(candidates).match(lead);
  }

  /**
   * Exact keys first; when none matches and {@code fuzzy} is given, name and company scored against
   * the threshold.
   */
  public Optional<Verdict> match(
      IdentityKeys lead,
      NameCompany name,
      List<Candidate> candidates,
      Optional<MatchThreshold> fuzzy) {
    return prepare(candidates).match(lead, name, fuzzy);
  }

  /**
   * The candidates of one look-up, normalised once, for matching every capture of a batch against
   * them: normalising each candidate again for each capture (libphonenumber, IDN) made a batch cost
   * captures × candidates normalisations.
   */
  public Prepared prepare(List<Candidate> candidates) {
    return new Prepared(candidates);
  }

  /**
   * A candidate with its name and company normalised for fuzzy scoring, to be kept across batches
   * (see {@link FuzzyCandidates}) instead of being fetched and normalised again for each.
   */
  public record FuzzyCandidate(Candidate candidate, NameCompanySimilarity.Prepared name) {}

  public FuzzyCandidate fuzzyCandidate(Candidate candidate) {
    return new FuzzyCandidate(
        candidate,
        similarity.prepare(
            new NameCompany(candidate.firstName(), candidate.lastName(), candidate.company())));
  }

  /**
   * Candidates indexed by their normalised exact keys, and blocked by their normalised last name
   * for the fuzzy pass: a capture is scored only against the candidates of the last names whose
   * {@linkplain NameCompanySimilarity#upperBound bound} can reach the threshold. The bound never
   * underestimates a score, so a skipped candidate could not have matched: the verdicts are those
   * of scoring every candidate, at a fraction of the cost (a batch's candidates share a few hundred
   * last names, and most of them are nowhere near a given capture's). One batch's, for one thread.
   */
  public final class Prepared {

    private final List<Candidate> candidates;
    private final Map<String, List<Integer>> byEmail = new HashMap<>();
    private final Map<String, List<Integer>> byLinkedin = new HashMap<>();
    private final Map<String, List<Integer>> byPhone = new HashMap<>();
    // Built on the first fuzzy look-up: a batch matched on exact keys alone never needs them.
    private List<NameCompanySimilarity.Prepared> names;
    private List<Block> blocks;
    private Set<String> ids;

    private Prepared(List<Candidate> candidates) {
      this.candidates = List.copyOf(candidates);
      for (int i = 0; i < this.candidates.size(); i++) {
        Candidate c = this.candidates.get(i);
        index(byEmail, c.email(), normalizer::email, i);
        index(byLinkedin, c.linkedinUrl(), normalizer::linkedin, i);
        index(byPhone, c.phone(), normalizer::phone, i);
      }
    }

    private void block() {
      names = new ArrayList<>(candidates.size());
      blocks = new ArrayList<>();
      Map<String, Block> byLastName = new HashMap<>();
      Block noLastName = null;
      for (int i = 0; i < candidates.size(); i++) {
        Candidate c = candidates.get(i);
        NameCompanySimilarity.Prepared name =
            similarity.prepare(new NameCompany(c.firstName(), c.lastName(), c.company()));
        names.add(name);
        String key = name.lastNameKey();
        Block block;
        if (key == null) {
          if (noLastName == null) {
            noLastName = new Block(name);
            blocks.add(noLastName);
          }
          block = noLastName;
        } else {
          block = byLastName.get(key);
          if (block == null) {
            block = new Block(name);
            byLastName.put(key, block);
            blocks.add(block);
          }
        }
        block.members.add(i);
      }
    }

    /**
     * The candidates with their names prepared for fuzzy scoring, to be remembered for later
     * batches: the same preparation this look-up scores with, not a second one.
     */
    public List<FuzzyCandidate> fuzzyCandidates() {
      if (blocks == null) {
        block();
      }
      List<FuzzyCandidate> fuzzy = new ArrayList<>(candidates.size());
      for (int i = 0; i < candidates.size(); i++) {
        fuzzy.add(new FuzzyCandidate(candidates.get(i), names.get(i)));
      }
      return fuzzy;
    }

    /** Exact keys only. */
    public Optional<Verdict> match(IdentityKeys lead) {
      // A candidate counts once, by its strongest key: e-mail, then LinkedIn, then phone.
      Set<Integer> seen = new HashSet<>();
      List<Verdict> verdicts = new ArrayList<>();
      add(verdicts, seen, byEmail, lead.email(), "email");
      add(verdicts, seen, byLinkedin, lead.linkedin(), "linkedin");
      add(verdicts, seen, byPhone, lead.phone(), "phone");
      return best(verdicts);
    }

    /** Exact keys first; then, when {@code fuzzy} is given, name and company. */
    public Optional<Verdict> match(
        IdentityKeys lead, NameCompany name, Optional<MatchThreshold> fuzzy) {
      return match(lead, name, fuzzy, List.of());
    }

    /**
     * Exact keys first, among these candidates only; then, when {@code fuzzy} is given, name and
     * company among these candidates and {@code known} ones (remembered from earlier look-ups; one
     * also among these candidates counts once, as found now).
     */
    public Optional<Verdict> match(
        IdentityKeys lead,
        NameCompany name,
        Optional<MatchThreshold> fuzzy,
        Collection<FuzzyCandidate> known) {
      Optional<Verdict> exact = match(lead);
      if (exact.isPresent() || fuzzy.isEmpty() || name == null) {
        return exact;
      }
      if (blocks == null) {
        block();
      }
      NameCompanySimilarity.Prepared captured = similarity.prepare(name);
      List<Verdict> verdicts = new ArrayList<>();
      for (Block block : blocks) {
        if (!similarity.mayMatch(captured, block.representative, fuzzy.get())) {
          continue;
        }
        for (int i : block.members) {
          if (!similarity.mayMatchPair(captured, names.get(i), fuzzy.get())) {
            continue;
          }
          double score = similarity.score(captured, names.get(i));
          if (fuzzy.get().accepts(score)) {
            verdicts.add(new Verdict(candidates.get(i), "name+company", score));
          }
        }
      }
      if (!known.isEmpty()) {
        if (ids == null) {
          ids = new HashSet<>();
          candidates.forEach(c -> ids.add(c.id()));
        }
        // One bound per last name, as for the blocks: it reads only the candidate's last name.
        Map<String, Boolean> mayMatch = new HashMap<>();
        for (FuzzyCandidate c : known) {
          if (ids.contains(c.candidate().id())
              || !mayMatch.computeIfAbsent(
                  java.util.Objects.toString(c.name().lastNameKey(), "\u0000"),
                  k -> similarity.mayMatch(captured, c.name(), fuzzy.get()))
              || !similarity.mayMatchPair(captured, c.name(), fuzzy.get())) {
            continue;
          }
          double score = similarity.score(captured, c.name());
          if (fuzzy.get().accepts(score)) {
            verdicts.add(new Verdict(c.candidate(), "name+company", score));
          }
        }
      }
      return best(verdicts);
    }

    private void add(
        List<Verdict> verdicts,
        Set<Integer> seen,
        Map<String, List<Integer>> index,
        Optional<String> key,
        String matchedOn) {
      if (key.isEmpty()) {
        return;
      }
      for (int i : index.getOrDefault(key.get(), List.of())) {
        if (seen.add(i)) {
          verdicts.add(new Verdict(candidates.get(i), matchedOn, 1.0));
        }
      }
    }
  }

  /** The candidates sharing one normalised last name (or having none), and one of them. */
  private static final class Block {

    private final NameCompanySimilarity.Prepared representative;
    private final List<Integer> members = new ArrayList<>();

    private Block(NameCompanySimilarity.Prepared representative) {
      this.representative = representative;
    }
  }

  private static void index(
      Map<String, List<Integer>> index,
      String value,
      Function<String, Optional<String>> norm,
      int position) {
    if (value != null) {
      norm.apply(value)
          .ifPresent(key -> index.computeIfAbsent(key, k -> new ArrayList<>()).add(position));
    }
  }

  private static Optional<Verdict> best(List<Verdict> verdicts) {
    return verdicts.stream()
        .min(
            Comparator.comparing((Verdict v) -> KEY_RANK.indexOf(v.matchedOn()))
                .thenComparing(v -> CONTACT_FIRST.indexOf(v.record().object()))
                .thenComparing(Verdict::confidence, Comparator.reverseOrder())
                .thenComparing(v -> v.record().id()));
  }
}
