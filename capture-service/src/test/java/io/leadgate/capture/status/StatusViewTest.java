package io.leadgate.capture.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class StatusViewTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void aRecordIsHeldOnlyAtTheExactPlaceItWasFoldedInFrom() {
    StatusView view = new StatusView();
    LeadStatusChanged received =
        LeadStatusChanged.of("c-1", "team-a", "org-a", LeadState.RECEIVED, NOW);
    view.apply(received, 3, 41);

    // The feed reading that very record back skips parsing it and still streams the same status.
    assertThat(view.heldAt("c-1", 3, 41)).isSameAs(received);
    // Any other record must be parsed: another offset, partition or key is another status.
    assertThat(view.heldAt("c-1", 3, 42)).isNull();
    assertThat(view.heldAt("c-1", 2, 41)).isNull();
    assertThat(view.heldAt("c-2", 3, 41)).isNull();
    assertThat(view.heldAt(null, 3, 41)).isNull();

    // Once a later status replaces it, the old place no longer holds anything.
    view.apply(LeadStatusChanged.of("c-1", "team-a", "org-a", LeadState.CREATED, NOW), 3, 50);
    assertThat(view.heldAt("c-1", 3, 41)).isNull();
    assertThat(view.heldAt("c-1", 3, 50).state()).isEqualTo(LeadState.CREATED);
  }

  @Test
  void partitionOfAgreesWithKafkasDefaultPartitionerForStringKeys() {
    // The same murmur2 rule Kafka's producer applies to a keyed record without a partition.
    for (int i = 0; i < 200; i++) {
      String id = UUID.randomUUID().toString();
      assertThat(StatusFeed.partitionOf(id, 6))
          .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), 6));
    }
  }
}
