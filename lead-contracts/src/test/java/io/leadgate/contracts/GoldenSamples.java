package io.leadgate.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON samples that pin the wire format. Shipped in this module's test-jar so that every
 * consumer's tests deserialise exactly the bytes the contract tests pin.
 */
public final class GoldenSamples {

  public static final String LEAD_CAPTURED = "lead-captured.v1.json";
  public static final String LEAD_CLEARED = "lead-cleared.v1.json";
  public static final String STATUS_DUPLICATE = "lead-status-changed.duplicate.v1.json";
  public static final String STATUS_CREATED = "lead-status-changed.created.v1.json";
  public static final String STATUS_DEFERRED = "lead-status-changed.deferred.v1.json";
  public static final String BUDGET_STATUS = "budget-status-changed.v1.json";
  public static final String API_USAGE = "salesforce-api-usage-observed.v1.json";

  /** A usage reading as written before {@code requestedAt} existed: still readable. */
  public static final String API_USAGE_WITHOUT_REQUESTED_AT =
      "salesforce-api-usage-observed.without-requested-at.v1.json";

  public static final String OWNER_COLLISION = "owner-collision-detected.v1.json";

  private GoldenSamples() {}

  public static String read(String name) {
    try (InputStream in = GoldenSamples.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No golden sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
