package io.leadgate.capture.intake;

/**
 * Kafka did not acknowledge a capture in time, and the producer has given up on it: nothing was
 * accepted, and the client should send the same capture again.
 */
public class KafkaUnavailableException extends RuntimeException {

  public KafkaUnavailableException(String message) {
    super(message);
  }
}
