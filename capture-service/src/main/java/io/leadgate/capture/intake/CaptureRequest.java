package io.leadgate.capture.intake;

import io.leadgate.contracts.RecordTarget;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** One capture as the extension sends it. Lengths are Salesforce's own field lengths. */
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
    RecordTarget target) {

  /** Without one of these the person cannot be matched against Salesforce. */
  @AssertTrue(message = "at least one of email, linkedinUrl, phone or company is required")
  public boolean isMatchable() {
    return present(email) || present(linkedinUrl) || present(phone) || present(company);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
