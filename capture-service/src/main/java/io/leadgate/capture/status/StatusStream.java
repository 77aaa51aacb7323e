package io.leadgate.capture.status;

import io.leadgate.contracts.LeadStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fans status changes out to each team's live subscribers. The feed publishes from its own thread
 * and must never block on a slow client, so each subscriber has a bounded queue drained by a small
 * pool; a subscriber that falls too far behind is closed and resumes with Last-Event-ID, losing
 * nothing.
 */
@Component
public class StatusStream implements DisposableBean {

  /** At most this many undelivered events per subscriber before it is closed. */
  static final int MAX_BACKLOG = 10_000;

  /** A status change and the stream position right after it (the event id). */
  public record Change(LeadStatusChanged status, StatusPosition position) {}

  /** One live client. */
  public interface Subscriber {
    /** Delivers one change; throws when the client is gone. */
    void deliver(Change change) throws Exception;

    /** A comment line that keeps idle connections open through proxies. */
    void keepAlive() throws Exception;

    /** Closes the client's stream (it may resume). */
    void close();
  }

  private final Map<String, Set<Outbox>> subscribers = new ConcurrentHashMap<>();
  private final Map<Subscriber, Outbox> outboxes = new ConcurrentHashMap<>();
  private final ExecutorService senders = Executors.newFixedThreadPool(2, daemon("capture-sse"));
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(daemon("capture-sse-heartbeat"));

  public StatusStream() {
    heartbeat.scheduleAtFixedRate(this::keepAlive, 15, 15, TimeUnit.SECONDS);
  }

  /** Registers a subscriber whose first deliveries are {@code replay}, before any live change. */
  void add(String teamId, Subscriber subscriber, List<Change> replay) {
    Outbox outbox = new Outbox(teamId, subscriber);
    replay.forEach(change -> outbox.offer(s -> s.deliver(change)));
    outboxes.put(subscriber, outbox);
    subscribers.computeIfAbsent(teamId, team -> ConcurrentHashMap.newKeySet()).add(outbox);
  }

  public void remove(Subscriber subscriber) {
    Outbox outbox = outboxes.remove(subscriber);
    if (outbox != null) {
      Set<Outbox> team = subscribers.get(outbox.teamId);
      if (team != null) {
        team.remove(outbox);
      }
    }
  }

  /** Queues a change for the team's subscribers; never blocks. */
  void publish(LeadStatusChanged status, StatusPosition position) {
    Set<Outbox> team = subscribers.get(status.teamId());
    if (team == null || team.isEmpty()) {
      return;
    }
    Change change = new Change(status, position);
    team.forEach(outbox -> outbox.offer(s -> s.deliver(change)));
  }

  int subscriberCount() {
    return outboxes.size();
  }

  private void keepAlive() {
    outboxes.values().forEach(outbox -> outbox.offer(Subscriber::keepAlive));
  }

  @Override
  public void destroy() {
    heartbeat.shutdownNow();
    senders.shutdownNow();
    outboxes.keySet().forEach(Subscriber::close);
  }

  private interface Delivery {
    void to(Subscriber subscriber) throws Exception;
  }

  private final class Outbox {
    private final String teamId;
    private final Subscriber subscriber;
    private final java.util.concurrent.ConcurrentLinkedQueue<Delivery> queue =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger backlog =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean draining =
        new java.util.concurrent.atomic.AtomicBoolean();

    Outbox(String teamId, Subscriber subscriber) {
      this.teamId = teamId;
      this.subscriber = subscriber;
    }

    void offer(Delivery delivery) {
      if (backlog.incrementAndGet() > MAX_BACKLOG) {
        drop();
        return;
      }
      queue.add(delivery);
      schedule();
    }

    private void schedule() {
      if (draining.compareAndSet(false, true)) {
        try {
          senders.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          drop();
        }
      }
    }

    private void drain() {
      try {
        for (Delivery next = queue.poll(); next != null; next = queue.poll()) {
          backlog.decrementAndGet();
          next.to(subscriber);
        }
      } catch (Exception e) {
        drop();
        return;
      } finally {
        draining.set(false);
      }
      if (!queue.isEmpty()) {
        schedule();
      }
    }

    private void drop() {
      remove(subscriber);
      queue.clear();
      subscriber.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** For tests and the controller: a subscriber built from plain functions. */
  public static Subscriber subscriber(
      ThrowingConsumer<Change> deliver, ThrowingRunnable keepAlive, Runnable close) {
    return new Subscriber() {
      @Override
      public void deliver(Change change) throws Exception {
        deliver.accept(change);
      }

      @Override
      public void keepAlive() throws Exception {
        keepAlive.run();
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  /** A consumer that may throw. */
  public interface ThrowingConsumer<T> {
    void accept(T value) throws Exception;
  }

  /** A runnable that may throw. */
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
