package io.leadgate.emulator.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesforceIdsTest {

  @ParameterizedTest
  @CsvSource({
    "a0BA0000000L2ZC, a0BA0000000L2ZCMA0",
    "00D00000000DEMO, 00D00000000DEMOEA4",
    "00Q000000000001, 00Q000000000001EAA",
    "001000000000ABC, 001000000000ABCAA2",
  })
  void computesTheChecksumSuffix(String id15, String id18) {
    assertThat(SalesforceIds.to18(id15)).isEqualTo(id18);
    assertThat(SalesforceIds.canonical(id15)).contains(id18);
    assertThat(SalesforceIds.to15(id18)).isEqualTo(id15);
  }

  @Test
  void restoresLetterCaseOfAnEighteenCharacterIdFromItsSuffix() {
    assertThat(SalesforceIds.canonical("A0BA0000000L2ZCMA0")).contains("a0BA0000000L2ZCMA0");
    assertThat(SalesforceIds.canonical("a0ba0000000l2zcma0")).contains("a0BA0000000L2ZCMA0");
  }

  @Test
  void rejectsNonIds() {
    assertThat(SalesforceIds.canonical("short")).isEmpty();
    assertThat(SalesforceIds.canonical("00Q00000000000!")).isEmpty();
    assertThat(SalesforceIds.canonical(null)).isEmpty();
    // A suffix claiming an upper-case digit cannot come from a real id.
    assertThat(SalesforceIds.canonical("00Q000000000001ZAA")).isEmpty();
    assertThatThrownBy(() -> SalesforceIds.to18("00Q"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatorHandsOutDistinctValidIdsWithThePrefix() {
    IdGenerator generator = new IdGenerator();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = generator.next("00Q");
      assertThat(id).hasSize(18).startsWith("00Q");
      assertThat(SalesforceIds.canonical(id)).contains(id);
      assertThat(seen.add(id)).isTrue();
    }
  }
}
