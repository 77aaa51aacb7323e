package io.leadgate.faultcampaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.emulator.CallLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogRecorderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

  private static CallLogEntry call(long second) {
    return new CallLogEntry(T0.plusSeconds(second), "query", true, "ok");
  }

  @Test
  void keepsEveryCallAcrossReadsOfABoundedLog() {
    List<CallLogEntry> kept = new ArrayList<>();

    CallLogRecorder.merge(kept, List.of(call(1), call(2), call(2)));
    // The oldest entry left the bounded log; one more call at the same instant and a later one
    // came.
    CallLogRecorder.merge(kept, List.of(call(2), call(2), call(2), call(3)));

    assertThat(kept).containsExactly(call(1), call(2), call(2), call(2), call(3));
  }

  @Test
  void readingTheSameLogTwiceAddsNothing() {
    List<CallLogEntry> kept = new ArrayList<>();
    List<CallLogEntry> log = List.of(call(1), call(2));

    CallLogRecorder.merge(kept, log);
    CallLogRecorder.merge(kept, log);

    assertThat(kept).hasSize(2);
  }
}
