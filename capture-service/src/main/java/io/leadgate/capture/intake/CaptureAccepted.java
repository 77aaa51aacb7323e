package io.leadgate.capture.intake;

import io.leadgate.contracts.LeadState;

/** The answer to an accepted capture: durable in Kafka, to be followed at {@code statusUrl}. */
public record CaptureAccepted(String captureId, LeadState state, String statusUrl) {}
