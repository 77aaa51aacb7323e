package io.leadgate.contracts;

/**
 * What a rep captured about a prospect, as typed into the extension. Values are raw (not
 * normalised); normalisation happens where keys are compared, so the original spelling reaches
 * Salesforce.
 */
public record LeadDetails(
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String linkedinUrl) {}
