package io.leadgate.faultcampaign;

/** The four services, with the environment variable each reads its HTTP port from. */
enum ServiceKind {
  BUDGET("budget-service", "BUDGET_PORT"),
  DEDUP("dedup-service", "DEDUP_PORT"),
  WRITER("writer-service", "WRITER_PORT"),
  CAPTURE("capture-service", "CAPTURE_PORT");

  private final String artifact;
  private final String portVariable;

  ServiceKind(String artifact, String portVariable) {
    this.artifact = artifact;
    this.portVariable = portVariable;
  }

  String artifact() {
    return artifact;
  }

  String portVariable() {
    return portVariable;
  }
}
