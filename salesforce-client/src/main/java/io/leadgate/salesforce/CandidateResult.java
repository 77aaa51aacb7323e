package io.leadgate.salesforce;

import java.util.List;

/**
 * What a candidate lookup found and what it cost.
 *
 * @param calls the Salesforce API calls the lookup spent
 */
public record CandidateResult(List<Candidate> candidates, int calls) {

  public CandidateResult {
    candidates = List.copyOf(candidates);
  }
}
