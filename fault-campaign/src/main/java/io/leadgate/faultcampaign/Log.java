package io.leadgate.faultcampaign;

import java.time.Duration;
import java.time.Instant;

/** The harness' own progress lines, with the seconds since the campaign started. */
final class Log {

  private static final Instant START = Instant.now();

  private Log() {}

  static void info(String message) {
    double seconds = Duration.between(START, Instant.now()).toMillis() / 1000.0;
    System.out.printf("[campaign %7.1fs] %s%n", seconds, message);
    System.out.flush();
  }
}
