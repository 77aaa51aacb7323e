package io.leadgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WireFormatTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(GoldenSamples.LEAD_CAPTURED, LeadCaptured.class),
        Arguments.of(GoldenSamples.LEAD_CLEARED, LeadCleared.class),
        Arguments.of(GoldenSamples.STATUS_DUPLICATE, LeadStatusChanged.class),
        Arguments.of(GoldenSamples.STATUS_CREATED, LeadStatusChanged.class),
        Arguments.of(GoldenSamples.STATUS_DEFERRED, LeadStatusChanged.class),
        Arguments.of(GoldenSamples.BUDGET_STATUS, BudgetStatusChanged.class),
        Arguments.of(GoldenSamples.API_USAGE, SalesforceApiUsageObserved.class),
        Arguments.of(GoldenSamples.OWNER_COLLISION, OwnerCollisionDetected.class),
        Arguments.of("budget-settings-changed.v1.json", BudgetSettingsChanged.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void goldenSampleRoundTripsUnchanged(String sample, Class<?> type) {
    String json = GoldenSamples.read(sample);

    Object event = mapper.readValue(json, type);
    JsonNode written = mapper.readTree(mapper.writeValueAsString(event));

    assertThat(written).isEqualTo(mapper.readTree(json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void goldenSampleIsTheCurrentSchemaVersionAndNamesNoJavaClass(String sample, Class<?> type) {
    String json = GoldenSamples.read(sample);

    assertThat(mapper.readTree(json).get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json).doesNotContain("io.leadgate").doesNotContain("@class");
  }

  @Test
  void aUsageReadingWrittenBeforeRequestedAtExistedStillReads() {
    SalesforceApiUsageObserved old =
        mapper.readValue(
            GoldenSamples.read(GoldenSamples.API_USAGE_WITHOUT_REQUESTED_AT),
            SalesforceApiUsageObserved.class);

    assertThat(old.requestedAt()).isNull();
    assertThat(old.used()).isEqualTo(6101);
    assertThat(old.observedAt()).isEqualTo(Instant.parse("2026-11-26T09:15:31Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyRecordComponentAppearsInTheSample(String sample, Class<?> type) {
    JsonNode node = mapper.readTree(GoldenSamples.read(sample));

    assertThat(type.getRecordComponents())
        .allSatisfy(component -> assertThat(node.has(component.getName())).isTrue());
  }
}
