package io.leadgate.dedup.recent;

import io.leadgate.contracts.MatchedRecord;
import io.leadgate.identity.IdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People Leadgate recently found or created in Salesforce, by identity key, so that a person
 * captured again within minutes is answered without a call, and despite the lag of Salesforce's
 * search index. Also the in-flight guard: people on their way to creation. Bounded and
 * time-limited; plain Java, thread-safe.
 */
public final class RecentRecords {

  private record Seen(MatchedRecord record, Instant at) {}

  private record InFlight(String captureId, Instant since) {}

  private final Map<String, Seen> byKey;
  private final Map<String, InFlight> inFlight;
  private final Map<String, List<String>> keysOfCapture;
  private final Map<String, Boolean> checkedCaptures;
  private final Duration ttl;
  private final Clock clock;

  public RecentRecords(int capacity, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.byKey = lru(capacity);
    this.inFlight = lru(capacity);
    this.keysOfCapture = lru(capacity);
    this.checkedCaptures = lru(capacity);
  }

  /** This capture id has been decided (answered, or sent to creation). */
  public synchronized void checked(String captureId) {
    checkedCaptures.put(captureId, Boolean.TRUE);
  }

  public synchronized boolean wasChecked(String captureId) {
    return checkedCaptures.containsKey(captureId);
  }

  /** The record one of these keys was recently found or created as, if still fresh. */
  public synchronized Optional<MatchedRecord> find(IdentityKeys keys) {
    Instant now = clock.instant();
    for (String key : keys(keys)) {
      Seen seen = byKey.get(key);
      if (seen != null && seen.at().plus(ttl).isAfter(now)) {
        return Optional.of(seen.record());
      }
    }
    return Optional.empty();
  }

  public synchronized void remember(IdentityKeys keys, MatchedRecord record) {
    Instant now = clock.instant();
    for (String key : keys(keys)) {
      byKey.put(key, new Seen(record, now));
    }
  }

  /** The person is on its way to creation by this capture. */
  public synchronized void sentToCreate(String captureId, IdentityKeys keys) {
    Instant now = clock.instant();
    List<String> list = keys(keys);
    keysOfCapture.put(captureId, list);
    for (String key : list) {
      inFlight.put(key, new InFlight(captureId, now));
    }
  }

  /**
   * Whether another capture of this person was sent to creation less than {@code wait} ago and has
   * not finished yet.
   */
  public synchronized boolean isInFlight(IdentityKeys keys, Duration wait) {
    Instant now = clock.instant();
    for (String key : keys(keys)) {
      InFlight flight = inFlight.get(key);
      if (flight != null && flight.since().plus(wait).isAfter(now)) {
        return true;
      }
    }
    return false;
  }

  /** A capture this instance sent to creation reached Salesforce (or failed). */
  public synchronized void finished(String captureId, Optional<MatchedRecord> created) {
    List<String> keys = keysOfCapture.remove(captureId);
    if (keys == null) {
      return;
    }
    Instant now = clock.instant();
    for (String key : keys) {
      InFlight flight = inFlight.get(key);
      if (flight != null && flight.captureId().equals(captureId)) {
        inFlight.remove(key);
      }
      created.ifPresent(record -> byKey.put(key, new Seen(record, now)));
    }
  }

  private static List<String> keys(IdentityKeys keys) {
    List<String> list = new ArrayList<>(3);
    keys.email().ifPresent(v -> list.add("email:" + v));
    keys.linkedin().ifPresent(v -> list.add("linkedin:" + v));
    keys.phone().ifPresent(v -> list.add("phone:" + v));
    return list;
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
