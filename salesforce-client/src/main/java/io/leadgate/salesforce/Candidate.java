package io.leadgate.salesforce;

/**
 * An existing Lead or Contact that may be the captured person, with its owner from the same query.
 *
 * @param object "Lead" or "Contact"
 * @param company the Lead's Company, or the Contact's Account.Name
 */
public record Candidate(
    String object,
    String id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String linkedinUrl,
    String ownerName,
    String ownerEmail) {}
