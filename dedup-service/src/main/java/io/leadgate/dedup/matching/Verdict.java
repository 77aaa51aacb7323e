package io.leadgate.dedup.matching;

import io.leadgate.salesforce.Candidate;

/**
 * An existing record judged to be the captured person.
 *
 * @param matchedOn the key that matched: email, linkedin or phone
 */
public record Verdict(Candidate record, String matchedOn, double confidence) {

  /** "Contact by email; owner Jane Roe <jane@acme.com>; confidence 1.0". */
  public String explanation() {
    return record.object()
        + " by "
        + matchedOn
        + "; owner "
        + record.ownerName()
        + " <"
        + record.ownerEmail()
        + ">; confidence "
        + confidence;
  }
}
