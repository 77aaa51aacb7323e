package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNormalizerTest {

  private final IdentityNormalizer us = new IdentityNormalizer(new IdentityPolicy("US", false));
  private final IdentityNormalizer gbFolding =
      new IdentityNormalizer(new IdentityPolicy("gb", true));

  private static RawIdentity raw(
      String first, String last, String email, String phone, String company, String linkedin) {
    return new RawIdentity(first, last, email, phone, company, linkedin);
  }

  @Test
  void buildsEveryKey() {
    IdentityKeys keys =
        us.keys(
            raw(
                "Bob",
                "Smith Jr.",
                " Bob.Smith@Acme.EXAMPLE ",
                "(650) 253-0000",
                "The Acme Company, Inc.",
                "https://www.linkedin.com/in/Bob-Smith/"));
    assertThat(keys.email()).contains("bob.smith@acme.example");
    assertThat(keys.phone()).contains("+16502530000");
    assertThat(keys.linkedin()).contains("linkedin.com/in/bob-smith");
    assertThat(keys.nameCompany()).contains(new NameCompany("robert", "smith", "acme"));
    assertThat(keys.isEmpty()).isFalse();
  }

  @Test
  void policyDecidesPhoneRegionAndPlusTags() {
    RawIdentity ada = raw("Ada", "Lovelace", "ada+crm@x.com", "020 7031 3000", null, null);
    assertThat(us.keys(ada).phone()).isEmpty();
    assertThat(us.keys(ada).email()).contains("ada+crm@x.com");
    assertThat(gbFolding.keys(ada).phone()).contains("+442070313000");
    assertThat(gbFolding.keys(ada).email()).contains("ada@x.com");
    assertThat(gbFolding.policy().defaultRegion()).isEqualTo("GB");
  }

  @Test
  void nameKeyNeedsTwoParts() {
    assertThat(us.keys(raw("Ada", null, null, null, null, null)).nameCompany()).isEmpty();
    assertThat(us.keys(raw(null, "Lovelace", null, null, "Acme", null)).nameCompany())
        .contains(new NameCompany("", "lovelace", "acme"));
  }

  @Test
  void noIdentityMeansNoKey() {
    assertThat(us.keys(null)).isEqualTo(IdentityKeys.none());
    assertThat(us.personKey(raw(" ", "", null, "n/a", "...", "https://example.com"))).isEmpty();
    assertThat(IdentityKeys.none().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "email wins        | Ada | Lovelace | Ada@X.com | 650 253 0000 | Acme | linkedin.com/in/ada | email:ada@x.com",
        "then linkedin     | Ada | Lovelace | -         | 650 253 0000 | Acme | linkedin.com/in/ada | linkedin:linkedin.com/in/ada",
        "then phone        | Ada | Lovelace | nope      | 650 253 0000 | Acme | -                   | phone:+16502530000",
        "then name         | Bob | Smith    | -         | -            | Acme Inc | -               | 'name:robert|smith|acme'",
        "missing first     | -   | Smith    | -         | -            | Acme | -                   | 'name:|smith|acme'",
        "missing company   | Ada | Lovelace | -         | -            | -    | -                   | 'name:ada|lovelace|'",
      })
  void personKeyUsesTheStrongestKey(
      String description,
      String first,
      String last,
      String email,
      String phone,
      String company,
      String linkedin,
      String expected) {
    assertThat(us.personKey(raw(first, last, email, phone, company, linkedin)))
        .map(PersonKey::value)
        .contains(expected);
  }

  @Test
  void sameEmailInDifferentCaseAndPaddingGivesTheSamePersonKey() {
    Optional<PersonKey> a =
        us.personKey(raw("Ada", null, "  Ada@Lovelace.EXAMPLE ", null, null, null));
    Optional<PersonKey> b =
        us.personKey(raw("A.", "King", "ada@lovelace.example", null, "X", null));
    assertThat(a).isPresent().isEqualTo(b);
  }

  @Test
  void longKeysAreShortenedStably() {
    String company = "Very Long Company Name ".repeat(10);
    RawIdentity person = raw("Ada", "Lovelace", null, null, company, null);
    PersonKey key = us.personKey(person).orElseThrow();
    assertThat(key.value()).hasSize(PersonKey.MAX_LENGTH).startsWith("name:ada|lovelace|very long");
    assertThat(key.value().charAt(PersonKey.PREFIX_LENGTH)).isEqualTo('~');
    assertThat(us.personKey(person)).contains(key);
    RawIdentity other = raw("Ada", "Lovelace", null, null, company + " X", null);
    assertThat(us.personKey(other).orElseThrow()).isNotEqualTo(key);
  }

  @Test
  void shorteningNeverSplitsASurrogatePair() {
    String full = "name:" + "a".repeat(PersonKey.PREFIX_LENGTH - 6) + "😀" + "b".repeat(200);
    PersonKey key = PersonKey.fromFull(full);
    assertThat(key.value()).hasSizeLessThanOrEqualTo(PersonKey.MAX_LENGTH);
    assertThat(Character.isHighSurrogate(key.value().charAt(key.value().indexOf('~') - 1)))
        .isFalse();
  }

  @Test
  void keysOfExactlyTheLimitAreKeptWhole() {
    String full = "email:" + "a".repeat(PersonKey.MAX_LENGTH - 6);
    assertThat(PersonKey.fromFull(full).value()).isEqualTo(full);
  }

  @Test
  void personKeyRejectsInvalidValues() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonKey(""));
    assertThatIllegalArgumentException().isThrownBy(() -> new PersonKey("x".repeat(101)));
    assertThat(new PersonKey("email:a@b.c")).hasToString("email:a@b.c");
  }

  @Test
  void policyNeedsARegion() {
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityPolicy(" ", true));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IdentityNormalizer(new IdentityPolicy("XX", true)));
  }
}
