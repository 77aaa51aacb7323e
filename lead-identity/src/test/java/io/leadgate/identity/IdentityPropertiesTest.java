package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties over generated input. Each arbitrary mixes fully random unicode (hostile input) with
 * realistic values, because random strings alone almost never reach the interesting code paths (a
 * random string is essentially never a valid e-mail address or LinkedIn URL).
 */
class IdentityPropertiesTest {

  private static final EmailNormalizer KEEP_TAGS = new EmailNormalizer(false);
  private static final EmailNormalizer FOLD_TAGS = new EmailNormalizer(true);
  private static final LinkedInUrlNormalizer LINKEDIN = new LinkedInUrlNormalizer();
  private static final PhoneNormalizer PHONE_US = new PhoneNormalizer("US");
  private static final PhoneNormalizer PHONE_GB = new PhoneNormalizer("GB");
  private static final PersonNameNormalizer NAMES = new PersonNameNormalizer();
  private static final CompanyNormalizer COMPANIES = new CompanyNormalizer();
  private static final NameCompanySimilarity SIMILARITY = new NameCompanySimilarity();
  private static final IdentityNormalizer IDENTITY =
      new IdentityNormalizer(new IdentityPolicy("US", true));

  // --- idempotence ---------------------------------------------------------------------------

  @Property
  void emailIsIdempotent(@ForAll("emailish") String raw) {
    assertIdempotent(raw, KEEP_TAGS::normalize);
    assertIdempotent(raw, FOLD_TAGS::normalize);
  }

  @Property
  void linkedinIsIdempotent(@ForAll("linkedinish") String raw) {
    assertIdempotent(raw, LINKEDIN::normalize);
  }

  @Property
  void phoneIsIdempotent(@ForAll("phoneish") String raw) {
    assertIdempotent(raw, PHONE_US::normalize);
    assertIdempotent(raw, PHONE_GB::normalize);
  }

  @Property
  void namesAreIdempotent(@ForAll("nameish") String raw) {
    assertIdempotent(raw, NAMES::normalize);
    assertIdempotent(raw, NAMES::normalizeFirst);
    assertIdempotent(raw, NAMES::normalizeLast);
  }

  @Property
  void companyIsIdempotent(@ForAll("companyish") String raw) {
    assertIdempotent(raw, COMPANIES::normalize);
  }

  private static void assertIdempotent(String raw, Normaliser normaliser) {
    Optional<String> once = normaliser.normalize(raw);
    once.ifPresent(value -> assertThat(normaliser.normalize(value)).contains(value));
  }

  @FunctionalInterface
  private interface Normaliser {
    Optional<String> normalize(String raw);
  }

  // --- invariance ----------------------------------------------------------------------------

  @Property
  void emailIgnoresCaseAndSurroundingWhitespace(
      @ForAll("asciiEmails") String email,
      @ForAll("whitespace") String before,
      @ForAll("whitespace") String after,
      @ForAll boolean upper) {
    Optional<String> expected = KEEP_TAGS.normalize(email);
    assertThat(expected).isPresent();
    String cased = upper ? email.toUpperCase(Locale.ROOT) : mixCase(email);
    assertThat(KEEP_TAGS.normalize(before + cased + after)).isEqualTo(expected);
    assertThat(FOLD_TAGS.normalize(before + cased + after)).isEqualTo(FOLD_TAGS.normalize(email));
  }

  @Property
  void linkedinIgnoresDecoration(
      @ForAll("slugs") String slug,
      @ForAll("schemes") String scheme,
      @ForAll("subdomains") String subdomain,
      @ForAll boolean trailingSlash,
      @ForAll("queries") String query,
      @ForAll("fragments") String fragment,
      @ForAll boolean upper) {
    String bare = "linkedin.com/in/" + slug;
    String decorated =
        scheme
            + subdomain
            + "linkedin.com/in/"
            + (upper ? slug.toUpperCase(Locale.ROOT) : slug)
            + (trailingSlash ? "/" : "")
            + query
            + fragment;
    assertThat(LINKEDIN.normalize(decorated)).contains(bare);
    assertThat(LINKEDIN.normalize(bare)).contains(bare);
  }

  // --- similarity ----------------------------------------------------------------------------

  @Property
  void similarityIsSymmetricAndBounded(
      @ForAll("triples") NameCompany a, @ForAll("triples") NameCompany b) {
    double ab = SIMILARITY.score(a, b);
    assertThat(ab).isBetween(0.0, 1.0).isEqualTo(SIMILARITY.score(b, a));
  }

  @Property
  void similarityOfRelatedTriplesIsSymmetricAndBounded(
      @ForAll("realisticTriples") NameCompany a, @ForAll("realisticTriples") NameCompany b) {
    double ab = SIMILARITY.score(a, b);
    assertThat(ab).isBetween(0.0, 1.0).isEqualTo(SIMILARITY.score(b, a));
  }

  @Property
  void preparedTriplesScoreAsRawOnes(
      @ForAll("realisticTriples") NameCompany a, @ForAll("realisticTriples") NameCompany b) {
    assertThat(SIMILARITY.score(SIMILARITY.prepare(a), SIMILARITY.prepare(b)))
        .isEqualTo(SIMILARITY.score(a, b));
  }

  // The blocking bound and the per-pair bound may only ever overestimate: a pair either rules
  // out must score below it.
  @Property(tries = 3000)
  void upperBoundsAreNeverBelowTheScore(
      @ForAll("realisticTriples") NameCompany a, @ForAll("realisticTriples") NameCompany b) {
    assertBoundsHold(a, b);
  }

  @Property
  void upperBoundsAreNeverBelowTheScoreOfAnyTriples(
      @ForAll("triples") NameCompany a, @ForAll("triples") NameCompany b) {
    assertBoundsHold(a, b);
  }

  private static void assertBoundsHold(NameCompany a, NameCompany b) {
    NameCompanySimilarity.Prepared pa = SIMILARITY.prepare(a);
    NameCompanySimilarity.Prepared pb = SIMILARITY.prepare(b);
    double score = SIMILARITY.score(pa, pb);
    assertThat(SIMILARITY.upperBound(pa, pb)).isGreaterThanOrEqualTo(score);
    assertThat(SIMILARITY.pairUpperBound(pa, pb)).isGreaterThanOrEqualTo(score);
  }

  @Property
  void identicalTriplesScoreOne(@ForAll("realisticTriples") NameCompany a) {
    assertThat(SIMILARITY.score(a, a)).isEqualTo(1.0);
    NameCompany copy = new NameCompany(a.first(), a.last(), a.company());
    assertThat(SIMILARITY.score(a, copy)).isEqualTo(1.0);
  }

  @Property
  void normalisedTriplesStillMatchTheirRawForm(@ForAll("realisticTriples") NameCompany a) {
    NameCompany normalised =
        new NameCompany(
            NAMES.normalizeFirst(a.first()).orElse(""),
            NAMES.normalizeLast(a.last()).orElse(""),
            COMPANIES.normalize(a.company()).orElse(""));
    assertThat(SIMILARITY.score(a, normalised)).isEqualTo(1.0);
  }

  // --- person key ----------------------------------------------------------------------------

  @Property
  void personKeyFitsSalesforce(
      @ForAll("nameish") String first,
      @ForAll("nameish") String last,
      @ForAll("emailish") String email,
      @ForAll("phoneish") String phone,
      @ForAll("companyish") String company,
      @ForAll("linkedinish") String linkedin) {
    IDENTITY
        .personKey(new RawIdentity(first, last, email, phone, company, linkedin))
        .ifPresent(
            key -> {
              assertThat(key.value()).hasSizeLessThanOrEqualTo(PersonKey.MAX_LENGTH).isNotEmpty();
              assertThat(key.value()).matches("(email|linkedin|phone|name):.*");
            });
  }

  @Property
  void personKeyOfAnyStringFitsSalesforce(@ForAll @StringLength(max = 400) String any) {
    assertThat(PersonKey.fromFull(any.isEmpty() ? "x" : any).value())
        .hasSizeLessThanOrEqualTo(PersonKey.MAX_LENGTH);
  }

  // --- generators ----------------------------------------------------------------------------

  private static Arbitrary<String> anyString() {
    return Arbitraries.strings().ofMaxLength(80);
  }

  private static Arbitrary<String> unicodeWord() {
    return Arbitraries.strings()
        .withChars("aAbBzZéÉüÜßøØłŁæİıñÑ'’-.  \t&,")
        .withCharRange('a', 'z')
        .withChars("日本Иванов😀\u0000\u200b\u0301")
        .ofMinLength(1)
        .ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> emailish() {
    Arbitrary<String> local =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("ABC.+_-'éÜ")
            .ofMinLength(1)
            .ofMaxLength(20);
    Arbitrary<String> domain =
        Arbitraries.of(
            "x.com",
            "Example.ORG",
            "bücher.example",
            "例え.jp",
            "a..b",
            "xn--bcher-kva.example",
            "localhost");
    Arbitrary<String> emails =
        Combinators.combine(whitespace(), local, domain, whitespace())
            .as((b, l, d, a) -> b + l + "@" + d + a);
    return Arbitraries.oneOf(emails, anyString(), unicodeWord().map(w -> w + "@" + w));
  }

  @Provide
  Arbitrary<String> asciiEmails() {
    Arbitrary<String> part =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("0123456789_-")
            .ofMinLength(1)
            .ofMaxLength(12);
    Arbitrary<String> tag =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMaxLength(6)
            .map(t -> t.isEmpty() ? "" : "+" + t);
    Arbitrary<String> tld = Arbitraries.of("com", "org", "co.uk", "example", "io");
    Arbitrary<String> label =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(12);
    return Combinators.combine(part, tag, label, tld).as((l, t, d, x) -> l + t + "@" + d + "." + x);
  }

  @Provide
  Arbitrary<String> whitespace() {
    return Arbitraries.strings().withChars(" \t\n\r\u00a0\u2003").ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> slugs() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars("0123456789-")
        .ofMinLength(3)
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("", "http://", "https://", "HTTPS://", "//");
  }

  @Provide
  Arbitrary<String> subdomains() {
    return Arbitraries.of("", "www.", "WWW.", "m.", "uk.", "de.", "fr.");
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.of("", "?", "?trk=public_profile", "?a=1&b=%2F", "?originalSubdomain=uk");
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of("", "#", "#about", "#/in/someone-else");
  }

  @Provide
  Arbitrary<String> linkedinish() {
    Arbitrary<String> realistic =
        Combinators.combine(
                schemes(),
                subdomains(),
                Arbitraries.of("in/", "pub/", "IN/", "company/"),
                unicodeWord(),
                queries())
            .as((s, d, kind, slug, q) -> s + d + "linkedin.com/" + kind + slug + q);
    Arbitrary<String> encoded =
        Combinators.combine(
                slugs(), Arbitraries.of("%C3%BC", "%2D", "%25", "%2F", "%", "%zz", "%41"))
            .as((slug, enc) -> "https://www.linkedin.com/in/" + slug + enc);
    Arbitrary<String> legacy = slugs().map(s -> "http://uk.linkedin.com/pub/" + s + "/1/2B/3a4/");
    return Arbitraries.oneOf(realistic, encoded, legacy, anyString());
  }

  @Provide
  Arbitrary<String> phoneish() {
    Arbitrary<String> digits =
        Arbitraries.strings().withChars("0123456789 ()-.+").ofMinLength(3).ofMaxLength(20);
    Arbitrary<String> known =
        Arbitraries.of(
            "(650) 253-0000",
            "+44 20 7031 3000",
            "020 7031 3000",
            "1-800-FLOWERS",
            "+1 650 253 0000 ext 12");
    return Arbitraries.oneOf(digits, known, anyString());
  }

  @Provide
  Arbitrary<String> nameish() {
    Arbitrary<String> known =
        Arbitraries.of(
            "Bob", "Dr. Bob", "Jr", "King Jr.", "J.R.", "Mr Dr", "O'Brien", "İnönü", "Straße");
    return Arbitraries.oneOf(unicodeWord(), known, anyString());
  }

  @Provide
  Arbitrary<String> companyish() {
    Arbitrary<String> suffix =
        Arbitraries.of("", " Inc.", " L.L.C.", " & Co. KG", " GmbH", " and", " The", " Co Inc");
    Arbitrary<String> prefix = Arbitraries.of("", "The ", "the the ");
    Arbitrary<String> realistic =
        Combinators.combine(prefix, unicodeWord(), suffix).as((p, w, s) -> p + w + s);
    return Arbitraries.oneOf(
        realistic, anyString(), Arbitraries.of("Inc", "The Co", "the inc", "& Co", "Acme and Co"));
  }

  @Provide
  Arbitrary<NameCompany> triples() {
    Arbitrary<String> any = Arbitraries.oneOf(anyString(), unicodeWord()).injectNull(0.1);
    return Combinators.combine(any, any, any).as(NameCompany::new);
  }

  @Provide
  Arbitrary<NameCompany> realisticTriples() {
    Arbitrary<String> first =
        Arbitraries.of(
            "John", "Jon", "J.", "Bob", "Robert", "Kate", "Katherine", "Ada", "Smith", "José");
    Arbitrary<String> last =
        Arbitraries.of("Smith", "Smyth", "Lovelace", "O'Brien", "Müller", "John", "Robert");
    Arbitrary<String> company =
        Arbitraries.of(
                "Acme",
                "Acme Inc.",
                "The Acme Company",
                "Globex",
                "Engines Analytical",
                "Analytical Engines")
            .injectNull(0.2);
    return Combinators.combine(first, last, company).as(NameCompany::new);
  }

  private static String mixCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}
