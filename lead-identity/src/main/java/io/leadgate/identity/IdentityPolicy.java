package io.leadgate.identity;

import java.util.Locale;

/**
 * The normalisation choices that differ between teams.
 *
 * @param defaultRegion region for phone numbers typed without a country code ("US", "GB"), or
 *     {@link PhoneNormalizer#UNKNOWN_REGION} to accept only numbers with a + prefix
 * @param foldPlusTags whether "ada+news@x.com" and "ada@x.com" are the same person
 */
public record IdentityPolicy(String defaultRegion, boolean foldPlusTags) {

  public IdentityPolicy {
    if (defaultRegion == null || defaultRegion.isBlank()) {
      throw new IllegalArgumentException("defaultRegion is required");
    }
    defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
  }
}
