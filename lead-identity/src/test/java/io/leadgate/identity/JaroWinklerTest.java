package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our Jaro-Winkler must give the library's values exactly: verdicts may not move by a hair. */
class JaroWinklerTest {

  private static final JaroWinklerSimilarity LIBRARY = new JaroWinklerSimilarity();

  @ParameterizedTest(name = "[{index}] \"{0}\" vs \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "martha|marhta",
        "dwayne|duane",
        "dixon|dicksonx",
        "john|jane",
        "jon|john",
        "abc|abc",
        "a|b",
        "ab|ba",
        "acme corp|acme corporation",
        "smith|smyth",
        "o brien|obrien",
        "x|xxxxxxxxxx"
      })
  void knownPairsScoreAsTheLibraryDoes(String a, String b) {
    assertThat(JaroWinkler.similarity(a.toCharArray(), b.toCharArray()))
        .isEqualTo(LIBRARY.apply(a, b));
    assertThat(JaroWinkler.similarity(b.toCharArray(), a.toCharArray()))
        .isEqualTo(LIBRARY.apply(b, a));
  }

  @Property(tries = 5000)
  void anyPairScoresAsTheLibraryDoes(@ForAll("texts") String a, @ForAll("texts") String b) {
    assertThat(JaroWinkler.similarity(a.toCharArray(), b.toCharArray()))
        .isEqualTo(LIBRARY.apply(a, b));
  }

  @Property(tries = 2000)
  void nearMissesScoreAsTheLibraryDoes(
      @ForAll("texts") String a, @ForAll("edits") java.util.List<Integer> edits) {
    // A typo'd copy: the pairs fuzzy matching actually sees, where transpositions and the prefix
    // bonus matter.
    StringBuilder b = new StringBuilder(a);
    for (int edit : edits) {
      if (b.length() < 2) {
        break;
      }
      int at = Math.floorMod(edit, b.length() - 1);
      char c = b.charAt(at);
      b.setCharAt(at, b.charAt(at + 1));
      b.setCharAt(at + 1, c);
      if (edit % 3 == 0) {
        b.deleteCharAt(at);
      }
    }
    assertThat(JaroWinkler.similarity(a.toCharArray(), b.toString().toCharArray()))
        .isEqualTo(LIBRARY.apply(a, b.toString()));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> small = Arbitraries.strings().withChars("abcde ").ofMaxLength(12);
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40);
    Arbitrary<String> names =
        Arbitraries.of("martha", "marhta", "jonathan", "jon", "smith", "smyth", "acme holdings");
    return Arbitraries.oneOf(small, any, names);
  }

  @Provide
  Arbitrary<java.util.List<Integer>> edits() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(3);
  }
}
