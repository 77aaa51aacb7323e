package io.leadgate.service.observability;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Keeps each capture in its own trace while a batch listener works on many at once.
 *
 * <p>Spring Kafka observes every record of a record listener, but a batch listener gets no
 * observation per record, so whatever it sends would start a new trace and the lead's trace id
 * would stop at the topic. A batch listener therefore {@linkplain #open opens} its batch here: each
 * record gets an observation whose parent is the trace its producer put in the headers ({@code
 * traceparent}), and work done for one capture {@linkplain #inTraceOf runs in} that observation.
 * The {@code KafkaTemplate} (observed) then sends the capture's outgoing records as children of it,
 * carrying the same trace id, and log lines written meanwhile have it in the MDC ({@code traceId}).
 *
 * <p>The batch is bound to the listener thread, so that code deciding a batch needs no extra
 * parameter to send in the right trace; outside a batch, and for a capture not in it, work simply
 * runs in whatever trace is current.
 */
public final class CaptureTraces {

  private static final Logger log = LoggerFactory.getLogger(CaptureTraces.class);

  private static final ObservationConvention<KafkaRecordReceiverContext> CONVENTION =
      new BatchRecordConvention();

  private final ObservationRegistry registry;
  private final ThreadLocal<Batch> current = new ThreadLocal<>();

  public CaptureTraces(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * Starts an observation per readable record of a batch, continuing the record's trace, and binds
   * the batch to this thread until it is closed.
   *
   * @param captureIdOf the capture a record is about; records whose value is null (unreadable) are
   *     not observed
   */
  public <V> Batch open(
      String listenerId, List<ConsumerRecord<String, V>> records, Function<V, String> captureIdOf) {
    Batch batch = new Batch(current.get());
    for (ConsumerRecord<String, V> record : records) {
      if (record.value() == null) {
        continue;
      }
      String captureId = captureIdOf.apply(record.value());
      Observation observation =
          Observation.createNotStarted(
                  CONVENTION,
                  () -> new KafkaRecordReceiverContext(record, listenerId, () -> null),
                  registry)
              .start();
      batch.all.add(observation);
      batch.byCapture.putIfAbsent(captureId, observation);
      if (!log.isDebugEnabled()) {
        continue;
      }
      // The scope only puts the trace in the line's MDC; opening it for every record cost more
      // than the line when it is off.
      try (Observation.Scope scope = observation.openScope()) {
        log.debug(
            "{}: capture {} from {}-{}@{}",
            listenerId,
            captureId,
            record.topic(),
            record.partition(),
            record.offset());
      }
    }
    current.set(batch);
    return batch;
  }

  /** Runs work in the trace of this capture's record in the batch open on this thread. */
  public <T> T inTraceOf(String captureId, Supplier<T> work) {
    Batch batch = current.get();
    Observation observation = batch == null ? null : batch.byCapture.get(captureId);
    if (observation == null) {
      return work.get();
    }
    try (Observation.Scope scope = observation.openScope()) {
      return work.get();
    }
  }

  /**
   * The work, to run on another thread inside the batch open on this one: what it sends for a
   * capture continues that capture's trace there too.
   */
  public <T> Supplier<T> carried(Supplier<T> work) {
    Batch batch = current.get();
    return () -> {
      Batch before = current.get();
      current.set(batch);
      try {
        return work.get();
      } finally {
        if (before == null) {
          current.remove();
        } else {
          current.set(before);
        }
      }
    };
  }

  /** As {@link #inTraceOf(String, Supplier)}, for work without a result, such as a log line. */
  public void inTraceOf(String captureId, Runnable work) {
    inTraceOf(
        captureId,
        () -> {
          work.run();
          return null;
        });
  }

  /** One batch's observations; closing stops them and unbinds the batch from the thread. */
  public final class Batch implements AutoCloseable {

    private final Batch outer;
    private final List<Observation> all = new ArrayList<>();
    private final Map<String, Observation> byCapture = new HashMap<>();

    private Batch(Batch outer) {
      this.outer = outer;
    }

    @Override
    public void close() {
      all.forEach(Observation::stop);
      if (outer == null) {
        current.remove();
      } else {
        current.set(outer);
      }
    }
  }

  /**
   * Named apart from Spring Kafka's listener observation ({@code spring.kafka.listener}), whose
   * timer has other tags: one meter name with two tag sets is refused by the Prometheus registry.
   */
  private static final class BatchRecordConvention
      implements ObservationConvention<KafkaRecordReceiverContext> {

    @Override
    public String getName() {
      return "leadgate.kafka.batch.record";
    }

    @Override
    public String getContextualName(KafkaRecordReceiverContext context) {
      return context.getSource() + " process";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
      return KeyValues.of("listener", context.getListenerId(), "topic", context.getSource());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof KafkaRecordReceiverContext;
    }
  }
}
