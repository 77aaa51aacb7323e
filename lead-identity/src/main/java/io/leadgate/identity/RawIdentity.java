package io.leadgate.identity;

/**
 * The identity fields of one capture exactly as typed, any of them null or blank. Field names
 * follow {@code io.leadgate.contracts.LeadDetails} so callers can map one to the other line by
 * line; this module does not depend on the contracts so that it stays a leaf library.
 */
public record RawIdentity(
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String linkedinUrl) {}
