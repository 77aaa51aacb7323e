package io.leadgate.capture.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CaptureValidatorTest {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

  private final CaptureValidator validator =
      new CaptureValidator(
          FACTORY.getValidator(), new IdentityNormalizer(new IdentityPolicy("US", false)));

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void aRepAddressIsCheckedEveryTimeUntilItHasPassed() {
    for (int i = 0; i < 3; i++) {
      assertThat(validator.validate(capturedBy("rep@acme.example")).valid()).isTrue();
      assertThat(validator.validate(capturedBy("javascript:alert(1)")).problems())
          .extracting(FieldProblem::field)
          .containsExactly("capturedBy");
      assertThat(validator.validate(capturedBy("not an address")).problems())
          .extracting(FieldProblem::field)
          .containsExactly("capturedBy");
    }
  }

  @Test
  void aCaptureWithoutAnyUsableIdentityNamesTheMissingField() {
    CaptureRequest request =
        new CaptureRequest(null, "Ada", "Lovelace", null, null, null, null, null, null, null, null);

    assertThat(validator.validate(request).problems())
        .extracting(FieldProblem::field)
        .containsExactly("email");
  }

  private static CaptureRequest capturedBy(String rep) {
    return new CaptureRequest(
        null,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        null,
        "Analytical Engines",
        null,
        null,
        rep,
        null,
        null);
  }
}
