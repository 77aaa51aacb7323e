package io.leadgate.service.kafka;

/**
 * A record that can never be processed as it is (an unknown schema version, a lead with no
 * identity). Thrown by a listener, it sends the record straight to the dead-letter topic without
 * retries.
 */
public class PoisonRecordException extends RuntimeException {

  public PoisonRecordException(String reason) {
    super(reason);
  }
}
