package io.leadgate.dedup.recent;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.MatchedRecord;
import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.RawIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentRecordsTest {

  private final MutableClock clock = new MutableClock();
  private final RecentRecords recent = new RecentRecords(100, Duration.ofMinutes(15), clock);
  private final IdentityNormalizer normalizer =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private final MatchedRecord record =
      new MatchedRecord("Lead", "00Q1", "Jane Roe", "jane@x.example", "email", 1.0);

  private IdentityKeys keys(String email, String phone) {
    return normalizer.keys(new RawIdentity("Ada", "Lovelace", email, phone, null, null));
  }

  @Test
  void aRememberedPersonIsFoundByAnyOfItsKeysUntilTheTtlPasses() {
    recent.remember(keys("ada@x.example", "+14155550100"), record);

    assertThat(recent.find(keys(" ADA@x.example", null))).hasValue(record);
    assertThat(recent.find(keys(null, "(415) 555-0100"))).hasValue(record);
    clock.advance(Duration.ofMinutes(16));
    assertThat(recent.find(keys("ada@x.example", null))).isEmpty();
  }

  @Test
  void aPersonIsInFlightUntilItsCaptureFinishesOrTheWaitPasses() {
    recent.sentToCreate("c1", keys("ada@x.example", null));

    assertThat(recent.isInFlight(keys("ada@x.example", null), Duration.ofSeconds(30))).isTrue();
    clock.advance(Duration.ofSeconds(31));
    assertThat(recent.isInFlight(keys("ada@x.example", null), Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void aFinishedCreateIsRememberedAndNoLongerInFlight() {
    recent.sentToCreate("c1", keys("ada@x.example", null));

    recent.finished("c1", Optional.of(record));

    assertThat(recent.isInFlight(keys("ada@x.example", null), Duration.ofSeconds(30))).isFalse();
    assertThat(recent.find(keys("ada@x.example", null))).hasValue(record);
  }

  @Test
  void anotherCapturesAnswerDoesNotEndThisFlight() {
    recent.sentToCreate("c1", keys("ada@x.example", null));

    recent.finished("c2", Optional.of(record));

    assertThat(recent.isInFlight(keys("ada@x.example", null), Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void checkedCaptureIdsAreRecognised() {
    recent.checked("c1");

    assertThat(recent.wasChecked("c1")).isTrue();
    assertThat(recent.wasChecked("c2")).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
