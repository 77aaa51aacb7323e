package io.leadgate.capture.intake;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/** A prospect list: up to the configured maximum of captures, each answered on its own. */
public record CaptureBatch(
    List<CaptureRequest> captures, @JsonAnySetter Map<String, Object> unknown) {

  public CaptureBatch {
    unknown = unknown == null ? Map.of() : Map.copyOf(unknown);
  }
}
