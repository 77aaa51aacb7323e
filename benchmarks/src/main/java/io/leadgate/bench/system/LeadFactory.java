package io.leadgate.bench.system;

import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Realistic, distinct people from Datafaker with a fixed seed: the same seed gives the same people
 * in the same order, so the seed file written before the stack starts and the workloads generated
 * later agree on who is already in the orgs. Every person's e-mail carries a sequence number, so no
 * two generated people share a person key by accident.
 */
final class LeadFactory {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M} .,'-]+");
  private static final List<String> FREE_MAIL = List.of("gmail.com", "outlook.com", "yahoo.com");
  private static final List<String> TLDS = List.of("com", "com", "io", "net", "co");
  private static final IdentityNormalizer IDENTITY =
      new IdentityNormalizer(new IdentityPolicy("US", false));

  private final Faker faker;
  private final Random random;
  private int sequence;

  LeadFactory(long seed) {
    this.random = new Random(seed);
    this.faker = new Faker(Locale.US, new Random(seed + 1));
  }

  /** The next new person. */
  Person next() {
    int number = ++sequence;
    String first = name(() -> faker.name().firstName());
    String last = name(() -> faker.name().lastName());
    String company = faker.company().name().replaceAll("[<>]", "");
    String domain =
        random.nextInt(100) < 15
            ? FREE_MAIL.get(random.nextInt(FREE_MAIL.size()))
            : slug(company, "") + "." + TLDS.get(random.nextInt(TLDS.size()));
    String local =
        switch (random.nextInt(3)) {
          case 0 -> slug(first, "") + "." + slug(last, "");
          case 1 -> slug(first, "").charAt(0) + slug(last, "");
          default -> slug(first, "") + "_" + slug(last, "");
        };
    String email = local + number + "@" + domain;
    if (email.length() > 80) {
      email = local.substring(0, Math.min(local.length(), 40)) + number + "@gmail.com";
    }
    String phone = random.nextInt(100) < 40 ? phone() : null;
    String linkedin =
        random.nextInt(100) < 35
            ? "https://www.linkedin.com/in/"
                + slug(first, "-")
                + "-"
                + slug(last, "-")
                + "-"
                + Integer.toHexString(number)
            : null;
    return new Person(first, last, email, phone, company, faker.job().title(), linkedin);
  }

  /** How a rep's capture of an existing person looks: the same person, typed differently. */
  Person retyped(Person person) {
    String email =
        switch (random.nextInt(3)) {
          case 0 -> person.email().toUpperCase(Locale.ROOT);
          case 1 -> " " + person.email() + " ";
          default -> person.email();
        };
    return new Person(
        person.firstName(),
        person.lastName(),
        email,
        person.phone(),
        person.company(),
        person.title(),
        person.linkedinUrl());
  }

  Random random() {
    return random;
  }

  private String phone() {
    for (int attempt = 0; attempt < 10; attempt++) {
      String candidate =
          String.format(
              "+1 (%d%02d) %d%02d-%04d",
              2 + random.nextInt(8),
              random.nextInt(100),
              2 + random.nextInt(8),
              random.nextInt(100),
              random.nextInt(10_000));
      if (IDENTITY.phone(candidate).isPresent()) {
        return candidate;
      }
    }
    return null;
  }

  private static String name(java.util.function.Supplier<String> source) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String value = source.get();
      if (NAME.matcher(value).matches() && value.length() <= 40) {
        return value;
      }
    }
    return "Smith";
  }

  private static String slug(String text, String separator) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", separator.isEmpty() ? "" : separator);
    slug = slug.replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "x" : slug;
  }
}
