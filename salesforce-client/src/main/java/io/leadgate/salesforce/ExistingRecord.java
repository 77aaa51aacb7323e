package io.leadgate.salesforce;

/**
 * A record already in the org, found by Leadgate's person key or by its id, with its owner.
 *
 * @param object "Lead" or "Contact"
 * @param id the 18-character id
 * @param personKey the value of the person-key external-id field, null when the record has none
 */
public record ExistingRecord(
    String object, String id, String personKey, String ownerName, String ownerEmail) {}
