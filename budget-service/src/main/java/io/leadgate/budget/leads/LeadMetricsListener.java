package io.leadgate.budget.leads;

import io.leadgate.contracts.LeadStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds {@code leads.status} into {@link LeadMeters}, in a consumer group of its own. */
@Component
class LeadMetricsListener {

  private final LeadMeters meters;

  LeadMetricsListener(LeadMeters meters) {
    this.meters = meters;
  }

  @KafkaListener(
      id = "budget-lead-metrics",
      topics = "leads.status",
      containerFactory = "leadMetricsListenerFactory")
  void onStatus(LeadStatusChanged status) {
    if (status != null) {
      meters.on(status);
    }
  }
}
