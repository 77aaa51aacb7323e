package io.leadgate.faultcampaign;

/** What a client knows about its capture after its last attempt. */
enum Answer {
  /** A 2xx: Leadgate has it and must give it a final state. */
  OK,
  /** Every attempt was told nothing was accepted (503, 429): Leadgate must not have it. */
  FAILED,
  /** Refused for good (4xx): Leadgate must not have it either. */
  REJECTED,
  /** At least one attempt ended without an answer, none with a 2xx: either outcome is right. */
  UNKNOWN
}
