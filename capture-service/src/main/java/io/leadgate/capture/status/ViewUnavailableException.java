package io.leadgate.capture.status;

/**
 * The status view could not confirm it is current (Kafka unreachable or slow). Answering "unknown"
 * could hide a capture another replica accepted, so the client is told to retry instead.
 */
public class ViewUnavailableException extends RuntimeException {

  public ViewUnavailableException(Throwable cause) {
    super("The status view could not catch up with Kafka in time", cause);
  }
}
