package io.leadgate.capture.status;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far the status view has read leads.status: the next offset per partition. It is the SSE event
 * id, so a client resuming with Last-Event-ID gets every capture whose status changed after it,
 * from any replica and across restarts (offsets are the topic's, not the replica's).
 */
public record StatusPosition(long[] offsets) {

  public static StatusPosition start(int partitions) {
    return new StatusPosition(new long[partitions]);
  }

  public long offset(int partition) {
    return partition < offsets.length ? offsets[partition] : 0;
  }

  public StatusPosition with(int partition, long nextOffset) {
    long[] copy = Arrays.copyOf(offsets, Math.max(offsets.length, partition + 1));
    copy[partition] = nextOffset;
    return new StatusPosition(copy);
  }

  /** "12.0.7.3.9.1": the next offset of partitions 0, 1, 2 and so on. */
  public String encode() {
    return Arrays.stream(offsets).mapToObj(Long::toString).collect(Collectors.joining("."));
  }

  /** Empty for anything that is not an id this service wrote. */
  public static Optional<StatusPosition> parse(String id) {
    if (id == null || id.isEmpty() || id.length() > 400) {
      return Optional.empty();
    }
    String[] parts = id.split("\\.", -1);
    long[] offsets = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 18
          || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      offsets[i] = Long.parseLong(parts[i]);
    }
    return Optional.of(new StatusPosition(offsets));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StatusPosition that && Arrays.equals(offsets, that.offsets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return encode();
  }
}
