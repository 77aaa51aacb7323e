package io.leadgate.identity;

/**
 * The similarity at or above which a team treats two name+company triples as the same person. Teams
 * differ: one whose reps often prospect several people at the same small company wants a higher bar
 * than one prospecting large accounts.
 *
 * @param minScore in [0, 1]
 */
public record MatchThreshold(double minScore) {

  /**
   * Calibrated so that one typo in a name or a bare initial still matches, while two different
   * first names at the same company and surname do not.
   */
  public static final MatchThreshold DEFAULT = new MatchThreshold(0.88);

  public MatchThreshold {
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
    }
  }

  public static MatchThreshold of(double minScore) {
    return new MatchThreshold(minScore);
  }

  public boolean accepts(double score) {
    return score >= minScore;
  }
}
