package io.leadgate.capture.intake;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.leadgate.contracts.RecordTarget;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * One capture as the extension sends it. Lengths are Salesforce's own field lengths.
 *
 * @param captureId the client's idempotency key; the same id again is the same capture
 * @param unknown fields the API does not have, collected so that each is named in the answer rather
 *     than silently dropped (a misspelt "emial" would otherwise lose the e-mail)
 */
public record CaptureRequest(
    UUID captureId,
    @Size(max = 40) String firstName,
    @NotBlank @Size(max = 80) String lastName,
    @Size(max = 80) String email,
    @Size(max = 40) String phone,
    @Size(max = 255) String company,
    @Size(max = 128) String title,
    @Size(max = 255) String linkedinUrl,
    @Email @Size(max = 80) String capturedBy,
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
