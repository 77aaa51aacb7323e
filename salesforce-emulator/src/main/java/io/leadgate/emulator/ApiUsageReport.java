package io.leadgate.emulator;

import java.util.Map;

/**
 * API usage of one org at one moment.
 *
 * @param callsInWindow counted calls in the rolling 24-hour window
 * @param backgroundUsage calls attributed to other integrations
 * @param limit the daily API REQUESTS limit
 * @param overshootFactor usage may reach {@code limit * overshootFactor} before calls are refused
 * @param byOperation counted calls in the window per operation name
 */
public record ApiUsageReport(
    long callsInWindow,
    long backgroundUsage,
    long limit,
    double overshootFactor,
    Map<String, Long> byOperation) {

  /** What LimitInfoHeader reports as {@code current}. */
  public long reportedUsage() {
    return callsInWindow + backgroundUsage;
  }
}
