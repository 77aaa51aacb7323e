package io.leadgate.dedup.matching;

import io.leadgate.dedup.matching.DuplicateMatcher.FuzzyCandidate;
import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One org's look-up for a batch of captures: the exact keys of every capture are always searched;
 * for fuzzy name+company matching, only the last names {@link FuzzyCandidates} does not hold yet.
 * Planned before the call (its {@link #query} is what the allowance pays for), then completed with
 * the call's result. Plain Java; one batch's, for one thread.
 */
public final class BatchLookup {

  /** A capture as the look-up sees it. */
  public record Capture(IdentityKeys keys, NameCompany name) {}

  private final String orgId;
  private final FuzzyCandidates known;
  private final CandidateQuery query;
  // term -> the last names as typed, searched for it: "O'Brien" and "O Brien" are one term, but a
  // search may tell them apart, so each spelling is searched
  private final Map<String, Set<String>> searched;
  private final Map<String, List<FuzzyCandidate>> remembered;

  private BatchLookup(
      String orgId,
      FuzzyCandidates known,
      CandidateQuery query,
      Map<String, Set<String>> searched,
      Map<String, List<FuzzyCandidate>> remembered) {
    this.orgId = orgId;
    this.known = known;
    this.query = query;
    this.searched = searched;
    this.remembered = remembered;
  }

  /**
   * @param fuzzy whether last names are looked up for name+company matching (BLUE mode)
   */
  public static BatchLookup plan(
      String orgId, Collection<Capture> captures, boolean fuzzy, FuzzyCandidates known) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> linkedins = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    Map<String, Set<String>> searched = new LinkedHashMap<>();
    Map<String, List<FuzzyCandidate>> remembered = new LinkedHashMap<>();
    for (Capture capture : captures) {
      capture.keys().email().ifPresent(emails::add);
      capture.keys().linkedin().ifPresent(linkedins::add);
      capture.keys().phone().ifPresent(phones::add);
      if (!fuzzy || capture.name() == null) {
        continue;
      }
      Optional<String> term = FuzzyCandidates.term(capture.name().last());
      if (term.isEmpty() || remembered.containsKey(term.get())) {
        continue;
      }
      if (!searched.containsKey(term.get())) {
        Optional<List<FuzzyCandidate>> held = known.find(orgId, term.get());
        if (held.isPresent()) {
          remembered.put(term.get(), held.get());
          continue;
        }
      }
      searched
          .computeIfAbsent(term.get(), t -> new LinkedHashSet<>())
          .add(capture.name().last().strip());
    }
    Set<String> lastNames = new LinkedHashSet<>();
    searched.values().forEach(lastNames::addAll);
    return new BatchLookup(
        orgId,
        known,
        new CandidateQuery(emails, linkedins, phones, lastNames),
        searched,
        remembered);
  }

  /** What to look up in Salesforce. */
  public CandidateQuery query() {
    return query;
  }

  /** How many last names were answered from memory rather than searched. */
  public int rememberedNames() {
    return remembered.size();
  }

  /**
   * The look-up's answer, from the result of {@link #query} (a search that started at {@code
   * searchedAt}); the last names it searched are remembered from now on.
   */
  public Matches complete(CandidateResult result, Instant searchedAt, DuplicateMatcher matcher) {
    DuplicateMatcher.Prepared prepared = matcher.prepare(result.candidates());
    if (!searched.isEmpty()) {
      known.found(orgId, searched.keySet(), prepared.fuzzyCandidates(), searchedAt);
    }
    return new Matches(prepared);
  }

  /** Verdicts for the batch's captures. */
  public final class Matches {

    private final DuplicateMatcher.Prepared found;

    private Matches(DuplicateMatcher.Prepared found) {
      this.found = found;
    }

    /**
     * Exact keys among what the call found; then, with {@code fuzzy}, name and company among what
     * it found and the remembered candidates of the capture's last name.
     */
    public Optional<Verdict> match(Capture capture, Optional<MatchThreshold> fuzzy) {
      List<FuzzyCandidate> held =
          capture.name() == null
              ? List.of()
              : FuzzyCandidates.term(capture.name().last())
                  .map(t -> remembered.getOrDefault(t, List.of()))
                  .orElse(List.of());
      return found.match(capture.keys(), capture.name(), fuzzy, held);
    }
  }
}
