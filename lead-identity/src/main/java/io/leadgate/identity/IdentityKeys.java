package io.leadgate.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Every normalised key of one person; a key is empty when its field was missing or unusable.
 *
 * @param email canonical address, see {@link EmailNormalizer}
 * @param linkedin canonical profile URL without scheme, see {@link LinkedInUrlNormalizer}
 * @param phone E.164 number, see {@link PhoneNormalizer}
 * @param nameCompany normalised first, last and company ("" for a missing part), present when at
 *     least two of the three are known: fewer is not enough to identify anyone
 */
public record IdentityKeys(
    Optional<String> email,
    Optional<String> linkedin,
    Optional<String> phone,
    Optional<NameCompany> nameCompany) {

  public IdentityKeys {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(linkedin, "linkedin");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(nameCompany, "nameCompany");
  }

  public static IdentityKeys none() {
    return new IdentityKeys(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return email.isEmpty() && linkedin.isEmpty() && phone.isEmpty() && nameCompany.isEmpty();
  }

  /** The strongest key as a {@link PersonKey}, or empty when there is no key at all. */
  public Optional<PersonKey> personKey() {
    return PersonKey.of(this);
  }
}
