package io.leadgate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One stable string per person: the Kafka message key (prefixed by the org) and the Salesforce
 * external id, so it never exceeds {@value #MAX_LENGTH} characters.
 *
 * <p>The strongest available key wins, in this order, because the earlier keys are both more
 * specific and less likely to change between captures:
 *
 * <ol>
 *   <li>{@code email:<canonical address>}
 *   <li>{@code linkedin:<canonical profile URL>}
 *   <li>{@code phone:<E.164>}
 *   <li>{@code name:<first>|<last>|<company>} (normalised; a missing part is empty)
 * </ol>
 *
 * <p>Because the key is built from normalised values, the same person captured as "
 * Ada@Lovelace.EXAMPLE " and as "ada@lovelace.example" gets the same key. A value longer than
 * {@value #MAX_LENGTH} characters keeps its first {@value #PREFIX_LENGTH} characters, then "~",
 * then the first 32 hex digits of the SHA-256 of the whole value (UTF-8): still readable, still
 * deterministic, and distinct for distinct values in practice.
 */
public record PersonKey(String value) {

  /** Salesforce Text(100) external id. */
  public static final int MAX_LENGTH = 100;

  private static final int HASH_HEX_LENGTH = 32;
  static final int PREFIX_LENGTH = MAX_LENGTH - 1 - HASH_HEX_LENGTH;

  public PersonKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("A person key has 1 to " + MAX_LENGTH + " characters");
    }
  }

  /** The key for the strongest of {@code keys}, or empty when it has none. */
  public static Optional<PersonKey> of(IdentityKeys keys) {
    if (keys.email().isPresent()) {
      return Optional.of(fromFull("email:" + keys.email().get()));
    }
    if (keys.linkedin().isPresent()) {
      return Optional.of(fromFull("linkedin:" + keys.linkedin().get()));
    }
    if (keys.phone().isPresent()) {
      return Optional.of(fromFull("phone:" + keys.phone().get()));
    }
    return keys.nameCompany()
        .map(
            nc ->
                fromFull(
                    "name:"
                        + nullToEmpty(nc.first())
                        + "|"
                        + nullToEmpty(nc.last())
                        + "|"
                        + nullToEmpty(nc.company())));
  }

  /** Shortens a full key to at most {@value #MAX_LENGTH} characters, deterministically. */
  static PersonKey fromFull(String full) {
    if (full.length() <= MAX_LENGTH) {
      return new PersonKey(full);
    }
    int cut = PREFIX_LENGTH;
    // Never split a surrogate pair: half a character is not valid text for Salesforce.
    if (Character.isHighSurrogate(full.charAt(cut - 1))) {
      cut--;
    }
    return new PersonKey(
        full.substring(0, cut) + "~" + sha256Hex(full).substring(0, HASH_HEX_LENGTH));
  }

  private static String sha256Hex(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return value;
  }
}
