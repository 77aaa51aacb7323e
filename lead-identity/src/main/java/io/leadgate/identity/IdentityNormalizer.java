package io.leadgate.identity;

import java.util.Optional;

/**
 * The one entry point services use: every normaliser configured by the team's {@link
 * IdentityPolicy}. Thread-safe and cheap to share; build one per team.
 */
public final class IdentityNormalizer {

  private final IdentityPolicy policy;
  private final EmailNormalizer email;
  private final LinkedInUrlNormalizer linkedin;
  private final PhoneNormalizer phone;
  private final PersonNameNormalizer names;
  private final CompanyNormalizer company;

  public IdentityNormalizer(IdentityPolicy policy) {
    this.policy = policy;
    this.email = new EmailNormalizer(policy.foldPlusTags());
    this.linkedin = new LinkedInUrlNormalizer();
    this.phone = new PhoneNormalizer(policy.defaultRegion());
    this.names = new PersonNameNormalizer();
    this.company = new CompanyNormalizer();
  }

  public IdentityPolicy policy() {
    return policy;
  }

  public Optional<String> email(String raw) {
    return email.normalize(raw);
  }

  public Optional<String> linkedin(String raw) {
    return linkedin.normalize(raw);
  }

  public Optional<String> phone(String raw) {
    return phone.normalize(raw);
  }

  public Optional<String> firstName(String raw) {
    return names.normalizeFirst(raw);
  }

  public Optional<String> lastName(String raw) {
    return names.normalizeLast(raw);
  }

  public Optional<String> company(String raw) {
    return company.normalize(raw);
  }

  /** Every key of one capture. */
  public IdentityKeys keys(RawIdentity raw) {
    if (raw == null) {
      return IdentityKeys.none();
    }
    Optional<String> first = firstName(raw.firstName());
    Optional<String> last = lastName(raw.lastName());
    Optional<String> org = company(raw.company());
    int known =
        (first.isPresent() ? 1 : 0) + (last.isPresent() ? 1 : 0) + (org.isPresent() ? 1 : 0);
    Optional<NameCompany> nameCompany =
        known >= 2
            ? Optional.of(new NameCompany(first.orElse(""), last.orElse(""), org.orElse("")))
            : Optional.empty();
    return new IdentityKeys(
        email(raw.email()), linkedin(raw.linkedinUrl()), phone(raw.phone()), nameCompany);
  }

  /** The {@link PersonKey} of one capture, or empty when it carries no usable identity. */
  public Optional<PersonKey> personKey(RawIdentity raw) {
    return keys(raw).personKey();
  }
}
