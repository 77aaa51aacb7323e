package io.leadgate.identity;

/**
 * A person's first name, last name and company, raw or normalised; any part may be null or blank
 * when unknown. The similarity scorer accepts both forms because every normaliser is idempotent.
 */
public record NameCompany(String first, String last, String company) {}
