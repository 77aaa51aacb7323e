package io.leadgate.capture.intake;

/** Kafka did not acknowledge a capture in time; the client should retry the same capture. */
public class KafkaUnavailableException extends RuntimeException {

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
