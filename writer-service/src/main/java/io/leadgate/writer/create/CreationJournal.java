package io.leadgate.writer.create;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this writer instance did with recent captures, so that a redelivered batch neither asks
 * Salesforce again for captures already decided nor mistakes its own lost create for someone else's
 * record. Bounded (oldest entries go first) and in memory: after a restart the person key still
 * guarantees one record per person, only the attribution of a record whose create answer was lost
 * may then say DUPLICATE instead of CREATED.
 */
final class CreationJournal {

  private final Map<String, Boolean> decided;
  private final Map<String, String> pending;
  private final Map<String, String> creatorByPersonKey;

  CreationJournal(int capacity) {
    this.decided = bounded(capacity);
    this.pending = bounded(capacity);
    this.creatorByPersonKey = bounded(capacity);
  }

  /** The capture's final status was published and acknowledged. */
  synchronized boolean isDecided(String captureId) {
    return decided.containsKey(captureId);
  }

  synchronized void decided(String captureId) {
    decided.put(captureId, Boolean.TRUE);
    pending.remove(captureId);
  }

  /** A create carrying this capture was sent; until answered, it may or may not have committed. */
  synchronized void sent(String captureId, String personKey) {
    pending.put(captureId, Outcomes.keyOf(personKey));
  }

  /** True when an earlier create of this capture got no answer (timeout, dropped connection). */
  synchronized boolean isUnanswered(String captureId) {
    return pending.containsKey(captureId);
  }

  synchronized void answered(String captureId) {
    pending.remove(captureId);
  }

  synchronized void created(String personKey, String captureId) {
    creatorByPersonKey.put(Outcomes.keyOf(personKey), captureId);
  }

  /**
   * Whether {@code captureId} may claim the record holding {@code personKey}: yes unless this
   * writer knows another capture made it.
   */
  synchronized boolean mayClaim(String personKey, String captureId) {
    String creator = creatorByPersonKey.get(Outcomes.keyOf(personKey));
    return creator == null || creator.equals(captureId);
  }

  private static <K, V> Map<K, V> bounded(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
