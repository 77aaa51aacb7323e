package io.leadgate.capture.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadgate.contracts.LeadState;
import java.util.List;

/**
 * The answer to a batch: one result per capture, in the order sent. An item's {@code status} is the
 * HTTP status the capture would have got alone (202, 400, 409 or 503).
 */
public record BatchResult(int accepted, int rejected, List<Item> results) {

  /** One capture's outcome. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      int index,
      int status,
      String captureId,
      LeadState state,
      String statusUrl,
      String detail,
      List<FieldProblem> errors) {

    static Item accepted(int index, CaptureAccepted accepted) {
      return new Item(
          index, 202, accepted.captureId(), accepted.state(), accepted.statusUrl(), null, null);
    }

    static Item failed(
        int index, int status, String captureId, String detail, List<FieldProblem> errors) {
      return new Item(index, status, captureId, null, null, detail, errors);
    }
  }
}
