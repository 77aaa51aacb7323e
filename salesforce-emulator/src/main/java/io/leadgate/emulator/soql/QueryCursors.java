package io.leadgate.emulator.soql;

import io.leadgate.emulator.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open query cursors of one org. A cursor keeps the rows of the original query so that queryMore
 * pages through a consistent snapshot, as Salesforce's server-side cursors do.
 */
public final class QueryCursors {

  /** Salesforce drops a cursor after 15 minutes without queryMore. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

  private static final int MAX_OPEN = 200;

  private record Cursor(List<RowNode> rows, Instant lastUsed) {}

  private final Clock clock;
  private final IdGenerator ids;
  private final Map<String, Cursor> open = new LinkedHashMap<>();

  public QueryCursors(Clock clock, IdGenerator ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** Opens a cursor over the rows and returns its id. */
  public synchronized String open(List<RowNode> rows) {
    evict();
    String id = ids.next("01g");
    open.put(id, new Cursor(List.copyOf(rows), clock.instant()));
    if (open.size() > MAX_OPEN) {
      Iterator<String> oldest = open.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return id;
  }

  /** Returns the rows of an open cursor and marks it used. */
  public synchronized Optional<List<RowNode>> rows(String cursorId) {
    evict();
    Cursor cursor = open.get(cursorId);
    if (cursor == null) {
      return Optional.empty();
    }
    open.put(cursorId, new Cursor(cursor.rows(), clock.instant()));
    return Optional.of(cursor.rows());
  }

  public synchronized void close(String cursorId) {
    open.remove(cursorId);
  }

  private void evict() {
    Instant cutoff = clock.instant().minus(IDLE_TIMEOUT);
    open.values().removeIf(c -> c.lastUsed().isBefore(cutoff));
  }
}
