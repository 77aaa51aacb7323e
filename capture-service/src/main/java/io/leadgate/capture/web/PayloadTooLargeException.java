package io.leadgate.capture.web;

import java.io.IOException;

/**
 * The request body is larger than the endpoint accepts. An IOException so that it can be thrown
 * from inside the body stream while the JSON parser reads it.
 */
public class PayloadTooLargeException extends IOException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("The body is larger than " + limit + " bytes.");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
