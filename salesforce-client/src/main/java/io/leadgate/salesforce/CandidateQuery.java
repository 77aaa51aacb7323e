package io.leadgate.salesforce;

import java.util.Set;

/**
 * The normalised identity keys of a batch of captured people, looked up together so that a whole
 * batch costs one query per object.
 */
public record CandidateQuery(Set<String> emails, Set<String> linkedinUrls, Set<String> phones) {

  public CandidateQuery {
    emails = Set.copyOf(emails);
    linkedinUrls = Set.copyOf(linkedinUrls);
    phones = Set.copyOf(phones);
  }

  public boolean isEmpty() {
    return emails.isEmpty() && linkedinUrls.isEmpty() && phones.isEmpty();
  }
}
