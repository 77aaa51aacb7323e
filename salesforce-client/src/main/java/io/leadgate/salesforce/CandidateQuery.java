package io.leadgate.salesforce;

import java.util.Set;

/**
 * The normalised identity keys of a batch of captured people, looked up together so that a whole
 * batch costs one query per object, or one search for both.
 *
 * @param linkedinUrls canonical profile URLs ({@code linkedin.com/in/<slug>})
 * @param lastNames last names whose records are candidates for fuzzy name+company matching
 */
public record CandidateQuery(
    Set<String> emails, Set<String> linkedinUrls, Set<String> phones, Set<String> lastNames) {

  public CandidateQuery {
    emails = Set.copyOf(emails);
    linkedinUrls = Set.copyOf(linkedinUrls);
    phones = Set.copyOf(phones);
    lastNames = Set.copyOf(lastNames);
  }

  /** Exact keys only, no names for fuzzy matching. */
  public CandidateQuery(Set<String> emails, Set<String> linkedinUrls, Set<String> phones) {
    this(emails, linkedinUrls, phones, Set.of());
  }

  public boolean isEmpty() {
    return emails.isEmpty() && linkedinUrls.isEmpty() && phones.isEmpty() && lastNames.isEmpty();
  }
}
