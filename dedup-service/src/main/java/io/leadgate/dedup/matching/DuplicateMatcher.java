package io.leadgate.dedup.matching;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.salesforce.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a captured person is one of the candidates Salesforce returned, by the same
 * normalised keys on both sides. Exact keys rank e-mail over LinkedIn over phone; a Contact wins
 * over a Lead, because a Contact is a person the company already works with. Plain Java.
 */
public final class DuplicateMatcher {

  private static final List<String> CONTACT_FIRST = List.of("Contact", "Lead");

  private final IdentityNormalizer normalizer;

  public DuplicateMatcher(IdentityNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  public Optional<Verdict> match(IdentityKeys lead, List<Candidate> candidates) {
    return candidates.stream()
        .map(candidate -> exact(lead, candidate))
        .flatMap(Optional::stream)
        .min(
            Comparator.comparing((Verdict v) -> CONTACT_FIRST.indexOf(v.record().object()))
                .thenComparing(v -> keyRank(v.matchedOn()))
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

  private static int keyRank(String key) {
    return List.of("email", "linkedin", "phone").indexOf(key);
  }
}
