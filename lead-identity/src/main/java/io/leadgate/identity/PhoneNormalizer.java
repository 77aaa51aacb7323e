package io.leadgate.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * E.164 form of a phone number, via libphonenumber.
 *
 * <p>The default region decides how a number typed without a country code is read ("020 7946 0018"
 * is London for a GB team, invalid for a US team), which is why it is per team. Extensions are
 * dropped: they reach a switchboard, not a person, and would split one person into several keys.
 */
public final class PhoneNormalizer {

  /** libphonenumber's code for "no default region": only numbers with a + prefix are accepted. */
  public static final String UNKNOWN_REGION = "ZZ";

  // libphonenumber itself refuses input over 250 characters; checking first skips its work.
  private static final int MAX_RAW = 250;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  /**
   * @param defaultRegion ISO 3166-1 alpha-2 region ("US", "GB") or {@link #UNKNOWN_REGION}
   * @throws IllegalArgumentException if libphonenumber does not know the region
   */
  public PhoneNormalizer(String defaultRegion) {
    if (defaultRegion == null) {
      throw new IllegalArgumentException("defaultRegion is required (use \"ZZ\" for none)");
    }
    String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!region.equals(UNKNOWN_REGION) && !UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("Unknown phone region: " + defaultRegion);
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** The number in E.164 ("+14155552671"), or empty when blank, unparsable or not valid. */
  public Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Inputs.stripPadding(raw);
    if (s.isEmpty() || s.length() > MAX_RAW) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(s, defaultRegion);
      if (!UTIL.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
