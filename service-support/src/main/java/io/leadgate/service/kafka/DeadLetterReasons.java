package io.leadgate.service.kafka;

import org.springframework.kafka.support.serializer.DeserializationException;

/** Turns a processing failure into a reason an operator can act on, without class names. */
final class DeadLetterReasons {

  private DeadLetterReasons() {}

  static String describe(Exception exception) {
    Throwable cause = exception;
    while (cause.getCause() != null
        && !(cause instanceof DeserializationException)
        && !(cause instanceof PoisonRecordException)) {
      cause = cause.getCause();
    }
    if (cause instanceof DeserializationException) {
      return "Unreadable record: the value is not valid JSON for this topic's event ("
          + firstLine(cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage())
          + ")";
    }
    return firstLine(cause.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 500 ? line.substring(0, 500) : line;
  }
}
