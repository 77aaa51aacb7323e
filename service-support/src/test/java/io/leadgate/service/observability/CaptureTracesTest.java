package io.leadgate.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CaptureTracesTest {

  private final ObservationRegistry registry = ObservationRegistry.create();
  private final CaptureTraces traces = new CaptureTraces(registry);

  CaptureTracesTest() {
    registry.observationConfig().observationHandler(context -> true);
  }

  @Test
  void carriedWorkContinuesACapturesTraceOnAnotherThreadAndOnlyThere() throws Exception {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("leads.captured", 0, 0L, "key", "capture-1");
    Supplier<Observation> currentOfCapture =
        () -> traces.inTraceOf("capture-1", registry::getCurrentObservation);

    try (CaptureTraces.Batch batch =
        traces.open("listener", List.of(record), Function.identity())) {
      Observation here = currentOfCapture.get();
      Observation carried = CompletableFuture.supplyAsync(traces.carried(currentOfCapture)).get();
      Observation notCarried = CompletableFuture.supplyAsync(currentOfCapture).get();

      assertThat(here).isNotNull();
      assertThat(carried).isSameAs(here);
      assertThat(notCarried).isNull();
    }
    // The carrying thread is left as it was found: no batch bound to it afterwards.
    Supplier<Observation> afterwards = traces.carried(currentOfCapture);
    assertThat(CompletableFuture.supplyAsync(afterwards).get()).isNull();
  }
}
