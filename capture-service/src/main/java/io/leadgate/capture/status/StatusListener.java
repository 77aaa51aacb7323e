package io.leadgate.capture.status;

import io.leadgate.contracts.LeadStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every replica reads the whole status topic from the start (a group of its own), so each holds the
 * same view and a restart rebuilds it.
 */
@Component
class StatusListener {

  private final StatusView view;

  StatusListener(StatusView view) {
    this.view = view;
  }

  @KafkaListener(
      id = "capture-status-view",
      topics = "leads.status",
      groupId = "capture-status-${random.uuid}",
      containerFactory = "statusListenerFactory",
      properties = "auto.offset.reset=earliest")
  void onStatus(LeadStatusChanged status) {
    view.apply(status);
  }
}
