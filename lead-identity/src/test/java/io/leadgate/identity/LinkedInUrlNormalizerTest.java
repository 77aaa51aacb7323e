package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkedInUrlNormalizerTest {

  private final LinkedInUrlNormalizer normalizer = new LinkedInUrlNormalizer();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.linkedin.com/in/ada-lovelace           | linkedin.com/in/ada-lovelace",
        "http://www.linkedin.com/in/ada-lovelace/           | linkedin.com/in/ada-lovelace",
        "www.linkedin.com/in/ada-lovelace                   | linkedin.com/in/ada-lovelace",
        "linkedin.com/in/ada-lovelace                       | linkedin.com/in/ada-lovelace",
        "//linkedin.com/in/ada-lovelace                     | linkedin.com/in/ada-lovelace",
        "HTTPS://WWW.LINKEDIN.COM/IN/Ada-Lovelace           | linkedin.com/in/ada-lovelace",
        "https://uk.linkedin.com/in/ada-lovelace            | linkedin.com/in/ada-lovelace",
        "https://de.linkedin.com/in/ada-lovelace?trk=x      | linkedin.com/in/ada-lovelace",
        "https://m.linkedin.com/in/ada-lovelace             | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/ada-lovelace#about     | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/ada-lovelace/?a=1#b    | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com:443/in/ada-lovelace       | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com./in/ada-lovelace          | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com//in//ada-lovelace//       | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/ada-lovelace/en        | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/ada-lovelace/details/x | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller | linkedin.com/in/jürgen-müller",
        "https://www.linkedin.com/in/J%C3%9CRGEN            | linkedin.com/in/jürgen",
        "https://www.linkedin.com/in/jürgen                 | linkedin.com/in/jürgen",
        "https://www.linkedin.com/in/ada%2Dlovelace         | linkedin.com/in/ada-lovelace",
        "https://www.linkedin.com/in/ada+lovelace           | linkedin.com/in/ada+lovelace",
        "'  https://www.linkedin.com/in/ada  '              | linkedin.com/in/ada",
        "'\u00a0https://www.linkedin.com/in/ada\u200b'     | linkedin.com/in/ada",
        "http://www.linkedin.com/pub/ada-lovelace/1/2b/3a4  | linkedin.com/pub/ada-lovelace/1/2b/3a4",
        "https://uk.linkedin.com/pub/Ada-Lovelace/1/2B/3A4/ | linkedin.com/pub/ada-lovelace/1/2b/3a4",
        "linkedin.com/pub/ada-lovelace/1/2b/3a4?trk=pub     | linkedin.com/pub/ada-lovelace/1/2b/3a4",
      })
  void canonicalisesProfileUrls(String raw, String expected) {
    assertThat(normalizer.normalize(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "  ",
        "ada-lovelace",
        "https://www.linkedin.com",
        "https://www.linkedin.com/",
        "https://www.linkedin.com/in/",
        "https://www.linkedin.com/in//",
        "https://www.linkedin.com/company/acme",
        "https://www.linkedin.com/school/mit",
        "https://www.linkedin.com/feed/",
        "https://www.linkedin.com/profile/view?id=12345",
        "https://www.linkedin.com/pub/dir/ada/lovelace/x",
        "https://www.linkedin.com/pub/ada-lovelace/1/2b",
        "https://www.linkedin.com/search?q=/in/ada",
        "https://lnkd.in/abc123",
        "https://www.notlinkedin.com/in/ada",
        "https://linkedin.com.evil.example/in/ada",
        "https://evil.example/linkedin.com/in/ada",
        "https://ada@linkedin.com/in/ada",
        "https://www.uk.linkedin.com/in/ada",
        "ftp://www.linkedin.com/in/ada",
        "https://www.linkedin.com/in/ada lovelace",
        "https://www.linkedin.com/in/ada%20lovelace",
        "https://www.linkedin.com/in/ada%2Flovelace",
        "https://www.linkedin.com/in/ada%25",
        "https://www.linkedin.com/in/ada%",
        "https://www.linkedin.com/in/ada%zz",
        "https://www.linkedin.com/in/ada%C3",
        "https://www.linkedin.com/in/ada%00",
        "https://www.linkedin.com/in/ada\u0000",
        "https://www.linkedin.com/in/ada\u200blovelace",
        "https://www.linkedin.com/in/\ud800",
        "https://github.com/ada",
      })
  void rejectsWhatIsNotAMemberProfile(String raw) {
    assertThat(normalizer.normalize(raw)).isEmpty();
  }

  static Stream<Arguments> oversized() {
    return Stream.of(
        Arguments.of("https://www.linkedin.com/in/" + "a".repeat(201)),
        Arguments.of("https://www.linkedin.com/in/" + "a".repeat(1_000_000)),
        Arguments.of("https://www.linkedin.com/in/ada?" + "q".repeat(5_000)));
  }

  @ParameterizedTest
  @MethodSource("oversized")
  void rejectsOversizedInput(String raw) {
    assertThat(normalizer.normalize(raw)).isEmpty();
  }
}
