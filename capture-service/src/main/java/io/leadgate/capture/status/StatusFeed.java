package io.leadgate.capture.status;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the whole of leads.status into the {@link StatusView}, on every replica, from the start. A
 * plain consumer with partitions assigned (no group): every replica must see every partition, and
 * the view's position must be known exactly, both for readiness and for resumable streams.
 *
 * <p>Read-your-writes across replicas: {@link #awaitCaughtUp} learns the end offsets of the
 * partitions holding the asked capture ids <em>after</em> the question was asked and completes once
 * the view has read that far, so a capture acknowledged by any replica before the question is in
 * the view. A capture id's statuses all sit in one partition (the record key is the capture id;
 * {@link #partitionOf}), so only that partition's end matters. End offsets are asked for on a
 * connection of their own (a second consumer on its own thread): the broker answers one request per
 * connection at a time, so asking on the feed's connection would queue behind its long-polling
 * fetch. Group commit: every question asked while a request is on its way waits for the next one,
 * which starts after it arrived, and all of them share it.
 *
 * <p>The feed reads back the RECEIVED statuses this replica wrote itself, and does not parse them:
 * the intake registers each status before sending it ({@link #sending}) with this replica's {@link
 * #ORIGIN_HEADER}, so a record carrying this replica's origin and a registered capture id is that
 * status, whether it is read before or after Kafka's acknowledgement reached the intake. (Once
 * acknowledged the intake also folds it into the view at its offset, which is recognised too.)
 */
@Component
public class StatusFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);
  private static final String TOPIC = Topics.LEADS_STATUS.name();
  private static final Duration KAFKA_CALL = Duration.ofSeconds(5);

  /** Names the replica that wrote a status record (random per start; no meaning elsewhere). */
  public static final String ORIGIN_HEADER = "leadgate-origin";

  private final StatusView view;
  private final StatusStream stream;
  private final KafkaProperties kafka;
  private final JsonMapper json;
  private final CaptureProperties properties;
  private final LinkedBlockingQueue<Question> asked = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> caughtUpAtStart = new CompletableFuture<>();
  private final Object lock = new Object();
  private final byte[] origin = originId();
  // Statuses this replica is writing, by capture id, until the feed reads them back.
  private final Map<String, LeadStatusChanged> sending = new ConcurrentHashMap<>();

  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread feed;
  private Thread barrier;
  // Guarded by lock; replaced, never mutated, so a reference read outside the lock is consistent.
  private volatile StatusPosition position = StatusPosition.start(Topics.LEADS_STATUS.partitions());

  // The partition count the feed found; 0 until then (the API answers 503 until the view is read).
  private volatile int partitionCount;
  // Set if a RECEIVED status ever lands elsewhere than partitionOf says (a custom partitioner):
  // then every question waits for every partition, as is always safe.
  private volatile boolean wholeTopic;

  private record Waiter(CompletableFuture<Void> done, Map<TopicPartition, Long> target) {}

  /** Wait for the view to reach these partitions' ends (null: every partition). */
  private record Question(CompletableFuture<Void> done, Set<Integer> partitions) {}

  public StatusFeed(
      StatusView view,
      StatusStream stream,
      KafkaProperties kafka,
      JsonMapper json,
      CaptureProperties properties) {
    this.view = view;
    this.stream = stream;
    this.kafka = kafka;
    this.json = json;
    this.properties = properties;
  }

  /** True once the view holds everything leads.status held when the service started. */
  public boolean isCaughtUp() {
    return caughtUpAtStart.isDone();
  }

  /** Completes once the view has read everything on leads.status at the time of this call. */
  public CompletableFuture<Void> awaitCaughtUp() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    asked.add(new Question(done, null));
    return done;
  }

  /**
   * Completes once the view has read, in the partitions holding these capture ids' statuses,
   * everything there at the time of this call: enough to know whether any of them exists.
   */
  public CompletableFuture<Void> awaitCaughtUp(Collection<String> captureIds) {
    int partitions = partitionCount;
    if (partitions == 0 || wholeTopic) {
      return awaitCaughtUp();
    }
    Set<Integer> wanted = new HashSet<>();
    captureIds.forEach(id -> wanted.add(partitionOf(id, partitions)));
    CompletableFuture<Void> done = new CompletableFuture<>();
    asked.add(new Question(done, wanted));
    return done;
  }

  /**
   * Where Kafka's default partitioner puts a record keyed by this capture id: murmur2 of the UTF-8
   * key, as every service writing leads.status keys by capture id with the default partitioner.
   */
  public static int partitionOf(String captureId, int partitions) {
    return Utils.toPositive(Utils.murmur2(captureId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * The intake tells where Kafka put a RECEIVED status. Should that ever differ from {@link
   * #partitionOf} (a partitioner configured otherwise), catch-ups fall back to the whole topic.
   */
  public void written(String captureId, int partition) {
    int partitions = partitionCount;
    if (!wholeTopic && partitions > 0 && partitionOf(captureId, partitions) != partition) {
      wholeTopic = true;
      log.warn(
          "leads.status record for a capture id landed in partition {}, not where the default"
              + " partitioner puts it; catching up with every partition from now on",
          partition);
    }
  }

  /**
   * The intake is about to write this status: returns the {@link #ORIGIN_HEADER} value to put on
   * its record, by which the feed knows the record when it reads it back.
   */
  public byte[] sending(LeadStatusChanged status) {
    sending.put(status.captureId(), status);
    return origin.clone();
  }

  /** The status was not (or may not have been) written: should it arrive, it is parsed. */
  public void notSent(LeadStatusChanged status) {
    sending.remove(status.captureId(), status);
  }

  /**
   * Registers a stream subscriber. With a {@code since} position it first gets the team's captures
   * whose status changed since then. Done under the feed's lock, so nothing falls between the
   * replay and the live changes.
   */
  public void subscribe(String teamId, StatusPosition since, StatusStream.Subscriber subscriber) {
    synchronized (lock) {
      List<StatusStream.Change> replay = new ArrayList<>();
      if (since != null) {
        List<StatusView.Entry> entries = view.changedSince(teamId, since);
        for (int i = 0; i < entries.size(); i++) {
          // All but the last carry the client's own id: if the connection drops mid-replay,
          // resuming replays it all again (statuses are idempotent) rather than skipping some.
          StatusPosition id = i == entries.size() - 1 ? position : since;
          replay.add(new StatusStream.Change(entries.get(i).status(), id));
        }
      }
      stream.add(teamId, subscriber, replay);
    }
  }

  @Override
  public void start() {
    running = true;
    feed = daemon(this::runFeed, "capture-status-feed");
    barrier = daemon(this::runBarrier, "capture-status-barrier");
    try {
      // The port opens after this returns: normally the view is complete before the first request.
      caughtUpAtStart.get(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn(
          "Status view not caught up after {}; serving 503 until it is", properties.startupWait());
    }
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    barrier.interrupt();
    try {
      feed.join(5_000);
      barrier.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server (which starts in a later phase), so start-up can wait for the view. */
  @Override
  public int getPhase() {
    return 0;
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A capture with a client id waits until the feed has read the topic's end; measured, the
    // broker often holds the feed's fetch for its whole max wait before answering with records
    // just appended. A few milliseconds bound that wait; an idle feed then fetches a few hundred
    // times a second, which costs next to nothing on loopback.
    config.put(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.statusFetchMaxWait().toMillis());
    // Under load there is always something new, so with the default minimum of one byte the feed
    // fetches in a tight loop, a broker request and a feed round for a few records each, and the
    // faster the feed (it no longer parses its own statuses) the more fetches. Gathering a few
    // kilobytes, or waiting the max wait, bounds the fetch rate.
    config.put(
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) properties.statusFetchMinSize().toBytes());
    return config;
  }

  private void runFeed() {
    while (running) {
      try (KafkaConsumer<String, byte[]> kafkaConsumer =
          new KafkaConsumer<>(
              consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer = kafkaConsumer;
        List<TopicPartition> partitions = assign(kafkaConsumer);
        if (!isCaughtUp()) {
          waiting.add(
              new Waiter(caughtUpAtStart, kafkaConsumer.endOffsets(partitions, KAFKA_CALL)));
        }
        while (running) {
          apply(kafkaConsumer.poll(Duration.ofMillis(100)));
          syncPositions(kafkaConsumer, partitions);
          answer();
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) {
        // Kafka unreachable or the topic missing: start over from where the view got to.
        log.warn("Status feed interrupted, retrying: {}", e.toString());
        pause();
      } finally {
        consumer = null;
      }
    }
  }

  /** Answers questions: one end-offsets request for all those asked since the last one. */
  private void runBarrier() {
    while (running) {
      try (KafkaConsumer<String, byte[]> ends =
          new KafkaConsumer<>(
              consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = null;
        while (running) {
          Question first = asked.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          List<Question> questions = new ArrayList<>(List.of(first));
          asked.drainTo(questions);
          try {
            if (partitions == null) {
              partitions = partitionsOf(ends);
              // Assigned but never polled: without an assignment the client logs a warning for
              // every partition of every end-offsets answer (hundreds a second under load).
              ends.assign(partitions);
            }
            Map<TopicPartition, Long> end =
                ends.endOffsets(asked(questions, partitions), KAFKA_CALL);
            for (Question question : questions) {
              Map<TopicPartition, Long> target = new HashMap<>(end);
              if (question.partitions() != null) {
                target.keySet().removeIf(tp -> !question.partitions().contains(tp.partition()));
              }
              waiting.add(new Waiter(question.done(), target));
            }
            answer();
          } catch (RuntimeException e) {
            // The callers answer 503: without the end, "not known" cannot be told apart from
            // "not read yet".
            questions.forEach(question -> question.done().completeExceptionally(e));
            partitions = null;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Status barrier interrupted, retrying: {}", e.toString());
        pause();
      }
    }
  }

  /** The partitions any of the questions needs: one request for all of them. */
  private static List<TopicPartition> asked(List<Question> questions, List<TopicPartition> all) {
    Set<Integer> wanted = new HashSet<>();
    for (Question question : questions) {
      if (question.partitions() == null) {
        return all;
      }
      wanted.addAll(question.partitions());
    }
    return all.stream().filter(tp -> wanted.contains(tp.partition())).toList();
  }

  private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> kafkaConsumer) {
    List<PartitionInfo> infos = kafkaConsumer.partitionsFor(TOPIC, KAFKA_CALL);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(TOPIC + " has no partitions yet");
    }
    return infos.stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
  }

  private List<TopicPartition> assign(KafkaConsumer<String, byte[]> kafkaConsumer) {
    List<TopicPartition> partitions = partitionsOf(kafkaConsumer);
    kafkaConsumer.assign(partitions);
    partitionCount = partitions.size();
    StatusPosition from = position;
    for (TopicPartition partition : partitions) {
      long known = from.offset(partition.partition());
      if (known > 0) {
        kafkaConsumer.seek(partition, known);
      } else {
        kafkaConsumer.seekToBeginning(List.of(partition));
      }
    }
    syncPositions(kafkaConsumer, partitions);
    return partitions;
  }

  private void apply(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    synchronized (lock) {
      for (ConsumerRecord<String, byte[]> record : records) {
        position = position.with(record.partition(), record.offset() + 1);
        LeadStatusChanged event = view.heldAt(record.key(), record.partition(), record.offset());
        if (event == null) {
          event = written(record);
        }
        if (event == null) {
          event = read(record);
        }
        if (event != null && view.apply(event, record.partition(), record.offset())) {
          stream.publish(event, position);
        }
      }
    }
  }

  /**
   * The consumer's own positions, which also move past compacted gaps, aborted transactions and
   * control records that no fetched record reveals.
   */
  private void syncPositions(
      KafkaConsumer<String, byte[]> kafkaConsumer, List<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      long next = kafkaConsumer.position(partition, KAFKA_CALL);
      if (next > position.offset(partition.partition())) {
        synchronized (lock) {
          position = position.with(partition.partition(), next);
        }
      }
    }
  }

  /** The status this replica registered for the record, if the record is this replica's. */
  private LeadStatusChanged written(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null || sending.isEmpty()) {
      return null;
    }
    Header header = record.headers().lastHeader(ORIGIN_HEADER);
    return header != null && Arrays.equals(header.value(), origin)
        ? sending.remove(record.key())
        : null;
  }

  private static byte[] originId() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
  }

  private LeadStatusChanged read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return null; // a tombstone: the capture was forgotten
    }
    try {
      LeadStatusChanged event = json.readValue(record.value(), LeadStatusChanged.class);
      if (event.captureId() == null || event.teamId() == null || event.state() == null) {
        throw new IllegalArgumentException("captureId, teamId and state are required");
      }
      return event;
    } catch (RuntimeException e) {
      // A view cannot repair a record; skipping it keeps every other capture's status current.
      log.warn(
          "Skipping unreadable status at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
  }

  /** Completes every waiter whose target the view has reached. Called from both threads. */
  private void answer() {
    StatusPosition reached = position;
    waiting.removeIf(
        waiter -> {
          boolean done =
              waiter.target().entrySet().stream()
                  .allMatch(end -> reached.offset(end.getKey().partition()) >= end.getValue());
          if (done) {
            waiter.done().complete(null);
          }
          return done;
        });
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
