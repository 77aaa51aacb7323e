package io.leadgate.capture.intake;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.capture.status.StatusView;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.Topics;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.PersonKey;
import io.leadgate.identity.RawIdentity;
import io.leadgate.service.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Accepts a capture: gives it an id, keys it by the person it names, and answers only once Kafka
 * has acknowledged it (acks=all), so an accepted capture is never lost.
 */
@Service
public class CaptureIntake {

  private final KafkaTemplate<String, Object> kafka;
  private final StatusView statusView;
  private final IdentityNormalizer identities;
  private final CaptureProperties properties;
  private final Clock clock;

  public CaptureIntake(
      KafkaTemplate<String, Object> kafka,
      StatusView statusView,
      CaptureProperties properties,
      Clock clock) {
    this.kafka = kafka;
    this.statusView = statusView;
    this.properties = properties;
    this.clock = clock;
    this.identities =
        new IdentityNormalizer(
            new IdentityPolicy(properties.phoneRegion(), properties.foldPlusTags()));
  }

  public CaptureAccepted accept(Tenant tenant, CaptureRequest request) {
    String captureId =
        (request.captureId() != null ? request.captureId() : UUID.randomUUID()).toString();
    Optional<LeadStatusChanged> known = statusView.find(tenant.teamId(), captureId);
    if (known.isPresent()) {
      // The client's retry of a capture we already hold: same answer, no second capture.
      return new CaptureAccepted(captureId, LeadState.RECEIVED, statusUrl(captureId));
    }
    PersonKey personKey =
        identities
            .personKey(
                new RawIdentity(
                    request.firstName(),
                    request.lastName(),
                    request.email(),
                    request.phone(),
                    request.company(),
                    request.linkedinUrl()))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "none of email, linkedinUrl, phone or company is usable to match"));
    Instant now = clock.instant();
    LeadCaptured captured =
        new LeadCaptured(
            LeadCaptured.VERSION,
            captureId,
            tenant.teamId(),
            tenant.orgId(),
            personKey.value(),
            new LeadDetails(
                request.firstName(),
                request.lastName(),
                request.email(),
                request.phone(),
                request.company(),
                request.title(),
                request.linkedinUrl()),
            request.target() != null ? request.target() : tenant.defaultTarget(),
            request.capturedBy(),
            now);
    LeadStatusChanged received =
        LeadStatusChanged.of(captureId, tenant.teamId(), tenant.orgId(), LeadState.RECEIVED, now);
    awaitAck(
        Topics.LEADS_CAPTURED.name(),
        Topics.personKey(tenant.orgId(), personKey.value()),
        captured);
    awaitAck(Topics.LEADS_STATUS.name(), captureId, received);
    statusView.apply(received);
    return new CaptureAccepted(captureId, LeadState.RECEIVED, statusUrl(captureId));
  }

  private void awaitAck(String topic, String key, Object event) {
    try {
      kafka.send(topic, key, event).get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new KafkaUnavailableException("Kafka did not acknowledge the capture", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("Interrupted while waiting for Kafka", e);
    }
  }

  private static String statusUrl(String captureId) {
    return "/api/v1/leads/" + captureId;
  }
}
