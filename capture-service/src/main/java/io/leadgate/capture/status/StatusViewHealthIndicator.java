package io.leadgate.capture.status;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: a replica whose view has not read leads.status to the end since it started
 * could accept a retried capture twice or call a capture unknown, so it takes no traffic yet.
 */
@Component
class StatusViewHealthIndicator implements HealthIndicator {

  private final StatusFeed feed;
  private final StatusView view;

  StatusViewHealthIndicator(StatusFeed feed, StatusView view) {
    this.feed = feed;
    this.view = view;
  }

  @Override
  public Health health() {
    Health.Builder builder = feed.isCaughtUp() ? Health.up() : Health.outOfService();
    return builder.withDetail("captures", view.size()).build();
  }
}
