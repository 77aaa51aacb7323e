package io.leadgate.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.ProducerListener;

class TracedKafkaSenderTest {

  private final MockProducer<String, Object> producer =
      new MockProducer<>(
          true,
          null,
          new StringSerializer(),
          (topic, value) -> String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  private final AtomicInteger observations = new AtomicInteger();
  private final AtomicInteger reported = new AtomicInteger();
  private Tracing tracing;

  @AfterEach
  void closeTracing() {
    tracing.close();
  }

  @Test
  void anUnsampledTraceTravelsInTheHeaderWithoutAnObservation() {
    Tracer tracer = tracer(Sampler.NEVER_SAMPLE);
    Span span = sendInASpan(tracer);
    assertThat(traceparent())
        .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-00");
    assertThat(observations).hasValue(0);
    assertThat(reported).hasValue(1);
  }

  @Test
  void aSampledTraceIsObservedAndTravelsInTheHeader() {
    Tracer tracer = tracer(Sampler.ALWAYS_SAMPLE);
    Span span = sendInASpan(tracer);
    assertThat(traceparent()).startsWith("00-" + span.context().traceId() + "-").endsWith("-01");
    assertThat(observations).hasValue(1);
  }

  @Test
  void outsideATraceTheRecordCarriesNone() {
    TracedKafkaSender sender = sender(tracer(Sampler.ALWAYS_SAMPLE));
    sender.send(new ProducerRecord<>("leads.status", "capture-1", "RECEIVED")).join();
    assertThat(producer.history())
        .singleElement()
        .satisfies(record -> assertThat(record.headers().lastHeader("traceparent")).isNull());
    assertThat(observations).hasValue(0);
  }

  private Span sendInASpan(Tracer tracer) {
    TracedKafkaSender sender = sender(tracer);
    Span span = tracer.nextSpan().start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      sender.send("leads.status", "capture-1", "RECEIVED").join();
    } finally {
      span.end();
    }
    return span;
  }

  private Tracer tracer(Sampler sampler) {
    ThreadLocalCurrentTraceContext context = ThreadLocalCurrentTraceContext.newBuilder().build();
    tracing =
        Tracing.newBuilder()
            .currentTraceContext(context)
            .traceId128Bit(true)
            .propagationFactory(new W3CPropagation())
            .sampler(sampler)
            .build();
    return new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(context));
  }

  private TracedKafkaSender sender(Tracer tracer) {
    Propagator propagator = new BravePropagator(tracing);
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(new PropagatingSenderTracingObservationHandler<>(tracer, propagator))
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onStart(Observation.Context context) {
                observations.incrementAndGet();
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    KafkaTemplate<String, Object> observed =
        new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    observed.setObservationEnabled(true);
    observed.setObservationRegistry(registry);
    ProducerListener<Object, Object> listener =
        new ProducerListener<>() {
          @Override
          public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
            reported.incrementAndGet();
          }
        };
    return new TracedKafkaSender(observed, listener, tracer, propagator);
  }

  private String traceparent() {
    assertThat(producer.history()).hasSize(1);
    Header header = producer.history().get(0).headers().lastHeader("traceparent");
    assertThat(header).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
