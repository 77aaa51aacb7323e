package io.leadgate.salesforce;

/** An Account whose website names one of the looked-up domains. */
public record AccountMatch(String id, String name, String website) {}
