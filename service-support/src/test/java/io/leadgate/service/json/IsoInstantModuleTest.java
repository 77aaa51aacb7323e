package io.leadgate.service.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadStatusChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantModuleTest {

  private final JsonMapper jackson = JsonMapper.builder().build();
  private final JsonMapper ours = JsonMapper.builder().addModule(new IsoInstantModule()).build();

  @ParameterizedTest
  @CsvSource({
    GoldenSamples.LEAD_CAPTURED + ", io.leadgate.contracts.LeadCaptured",
    GoldenSamples.LEAD_CLEARED + ", io.leadgate.contracts.LeadCleared",
    GoldenSamples.STATUS_DUPLICATE + ", io.leadgate.contracts.LeadStatusChanged",
    GoldenSamples.STATUS_DEFERRED + ", io.leadgate.contracts.LeadStatusChanged",
    GoldenSamples.BUDGET_STATUS + ", io.leadgate.contracts.BudgetStatusChanged"
  })
  void readsAndWritesTheGoldenSamplesAsJacksonDoes(String sample, Class<?> type) {
    String json = GoldenSamples.read(sample);
    Object read = ours.readValue(json, type);
    assertThat(read).isEqualTo(jackson.readValue(json, type));
    assertThat(ours.writeValueAsString(read)).isEqualTo(jackson.writeValueAsString(read));
  }

  @Test
  void writesEveryPrecisionAsJacksonDoes() {
    LeadStatusChanged status =
        jackson.readValue(
            GoldenSamples.read(GoldenSamples.STATUS_DEFERRED), LeadStatusChanged.class);
    for (Instant at :
        new Instant[] {
          Instant.parse("2026-11-27T13:19:01Z"),
          Instant.parse("2026-11-27T13:19:01.120Z"),
          Instant.parse("2026-11-27T13:19:01.123456Z"),
          Instant.parse("2026-11-27T13:19:01.000000001Z"),
          Instant.parse("+12026-01-01T00:00:00Z")
        }) {
      LeadStatusChanged stamped = status.withReason(status.reason(), at);
      assertThat(ours.writeValueAsString(stamped)).isEqualTo(jackson.writeValueAsString(stamped));
      assertThat(ours.readValue(ours.writeValueAsString(stamped), LeadStatusChanged.class))
          .isEqualTo(stamped);
    }
  }

  @Test
  void leavesOtherFormsToJackson() {
    assertThat(ours.readValue("\"2026-11-27T14:19:01+01:00\"", Instant.class))
        .isEqualTo(jackson.readValue("\"2026-11-27T14:19:01+01:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-11-27T13:19:01Z"));
    assertThat(ours.readValue("1795785541.5", Instant.class))
        .isEqualTo(jackson.readValue("1795785541.5", Instant.class));
    assertThatThrownBy(() -> ours.readValue("\"2025-02-29T00:00:00Z\"", Instant.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("2025-02-29T00:00:00Z");
  }

  @Test
  void theServicesMapperUsesIt() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .withUserConfiguration(LeadgateJsonConfiguration.class)
        .run(
            context ->
                assertThat(context.getBean(JsonMapper.class).registeredModules())
                    .anyMatch(IsoInstantModule.class::isInstance));
  }
}
