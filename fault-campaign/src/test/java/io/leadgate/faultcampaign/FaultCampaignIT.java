package io.leadgate.faultcampaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized fault campaign: the four services' exec jars as seven processes, a Kafka broker
 * process, the emulator, load and the nemesis. Fails the build on any non-zero count of the
 * verdict.
 */
class FaultCampaignIT {

  @Test
  void theCiCampaignLosesNothingDuplicatesNothingAndStaysUnderTheCap() {
    long seed = Long.getLong("fault-campaign.seed", System.currentTimeMillis());
    FaultCampaign.Result result =
        FaultCampaign.run(
            CampaignPlan.named("ci", seed),
            Path.of(System.getProperty("fault-campaign.services")),
            Path.of(System.getProperty("fault-campaign.work")));
    System.out.print(result.table());

    // The campaign did break things (the bar: at least 100 kills), and load reached
    // Leadgate.
    assertThat((int) result.trials().get("kills (-9) of service instances"))
        .isGreaterThanOrEqualTo(100);
    assertThat((int) result.trials().get("broker kill -9 and restarts")).isPositive();
    assertThat(result.count("lost leads")).isZero();
    assertThat(result.rows())
        .allSatisfy(row -> assertThat(row.count()).as(row.name() + ": " + row.examples()).isZero());
  }
}
