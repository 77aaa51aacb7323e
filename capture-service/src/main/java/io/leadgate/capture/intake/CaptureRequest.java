package io.leadgate.capture.intake;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.leadgate.contracts.RecordTarget;
import jakarta.validation.constraints.Email;
import java.util.Map;
import java.util.UUID;

/**
 * One capture as the extension sends it. {@link CaptureValidator} holds its rules (lengths are
 * Salesforce's own field lengths); Bean Validation checks only the rep's address.
 *
 * @param captureId the client's idempotency key; the same id again is the same capture
 * @param unknown fields the API does not have, collected so that each is named in the answer rather
 *     than silently dropped (a misspelt "emial" would otherwise lose the e-mail)
 */
public record CaptureRequest(
    UUID captureId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String linkedinUrl,
    @Email String capturedBy,
    RecordTarget target,
    @JsonAnySetter Map<String, Object> unknown) {

  public CaptureRequest {
    unknown = unknown == null ? Map.of() : Map.copyOf(unknown);
  }

  /** A capture with only the known fields, as tests and the benchmark build one. */
  public static CaptureRequest of(
      UUID captureId, String firstName, String lastName, String email, String company) {
    return new CaptureRequest(
        captureId, firstName, lastName, email, null, company, null, null, null, null, null);
  }
}
