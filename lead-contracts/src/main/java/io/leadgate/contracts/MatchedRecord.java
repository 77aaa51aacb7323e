package io.leadgate.contracts;

/**
 * The existing Salesforce record a capture duplicates, and who owns it.
 *
 * @param object "Lead" or "Contact"
 * @param matchedOn the identity key that matched, e.g. "email"
 * @param confidence 1.0 for exact keys, the fuzzy score otherwise
 */
public record MatchedRecord(
    String object,
    String id,
    String ownerName,
    String ownerEmail,
    String matchedOn,
    double confidence) {}
