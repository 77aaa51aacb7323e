package io.leadgate.dedup.matching;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.NameCompanySimilarity;
import io.leadgate.salesforce.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    return best(candidates.stream().map(c -> exact(lead, c)).flatMap(Optional::stream).toList());
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
    Optional<Verdict> exact = match(lead, candidates);
    if (exact.isPresent() || fuzzy.isEmpty() || name == null) {
      return exact;
    }
    return best(
        candidates.stream()
            .map(
                c -> {
                  double score =
                      similarity.score(
                          name, new NameCompany(c.firstName(), c.lastName(), c.company()));
                  return fuzzy.get().accepts(score)
                      ? Optional.of(new Verdict(c, "name+company", score))
                      : Optional.<Verdict>empty();
                })
            .flatMap(Optional::stream)
            .toList());
  }

  private static Optional<Verdict> best(List<Verdict> verdicts) {
    return verdicts.stream()
        .min(
            Comparator.comparing((Verdict v) -> KEY_RANK.indexOf(v.matchedOn()))
                .thenComparing(v -> CONTACT_FIRST.indexOf(v.record().object()))
                .thenComparing(Verdict::confidence, Comparator.reverseOrder())
                .thenComparing(v -> v.record().id()));
  }

  private Optional<Verdict> exact(IdentityKeys lead, Candidate candidate) {
    if (same(lead.email(), candidate.email(), normalizer::email)) {
      return Optional.of(new Verdict(candidate, "email", 1.0));
    }
    if (same(lead.linkedin(), candidate.linkedinUrl(), normalizer::linkedin)) {
      return Optional.of(new Verdict(candidate, "linkedin", 1.0));
    }
    if (same(lead.phone(), candidate.phone(), normalizer::phone)) {
      return Optional.of(new Verdict(candidate, "phone", 1.0));
    }
    return Optional.empty();
  }

  private static boolean same(
      Optional<String> leadKey, String candidateValue, Function<String, Optional<String>> norm) {
    return leadKey.isPresent()
        && candidateValue != null
        && norm.apply(candidateValue).equals(leadKey);
  }
}
