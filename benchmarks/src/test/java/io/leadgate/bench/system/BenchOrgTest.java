package io.leadgate.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOrgTest {

  @Test
  void theBenchmarkTenantsFileNamesEveryOrgTeamAndClient() throws Exception {
    String tenants = Files.readString(Path.of("../config/bench/tenants.yml"));
    for (BenchOrg org : BenchOrg.ALL) {
      assertThat(tenants)
          .contains("team-id: " + org.teamId())
          .contains("org-id: " + org.orgId())
          .contains("client-id: " + org.clientId())
          .contains("${" + org.apiKeyVariable() + "}");
    }
    assertThat(BenchOrg.ALL.get(0).orgId()).isEqualTo("00D00000000BEN1EAO");
  }
}
