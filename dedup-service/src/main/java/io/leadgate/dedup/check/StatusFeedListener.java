package io.leadgate.dedup.check;

import io.leadgate.contracts.LeadStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the check what became of the captures it sent to creation. Every instance reads the whole
 * status topic (a group of its own), from now on: only answers to its own recent captures matter.
 */
@Component
class StatusFeedListener {

  private final DuplicateCheck check;

  StatusFeedListener(DuplicateCheck check) {
    this.check = check;
  }

  @KafkaListener(
      id = "dedup-status-feed",
      topics = "leads.status",
      groupId = "dedup-status-${random.uuid}",
      containerFactory = "statusFeedListenerFactory",
      properties = "auto.offset.reset=latest")
  void onStatus(LeadStatusChanged status) {
    check.onStatus(status);
  }
}
