package io.leadgate.budget.usage;

import io.leadgate.budget.allowance.BudgetLedger;
import io.leadgate.contracts.SalesforceApiUsageObserved;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the org usage that Leadgate's Salesforce calls observed into the ledger. */
@Component
class ApiUsageListener {

  private final BudgetLedger ledger;

  ApiUsageListener(BudgetLedger ledger) {
    this.ledger = ledger;
  }

  // A group of its own per run: every replica must see every org's readings, a standby one too.
  @KafkaListener(
      id = "budget-api-usage",
      groupId = "budget-api-usage-${random.uuid}",
      topics = "salesforce.api-usage",
      containerFactory = "apiUsageListenerFactory")
  void onUsage(SalesforceApiUsageObserved usage) {
    ledger.observe(
        usage.orgId(), usage.used(), usage.limit(), usage.observedAt(), usage.requestedAt());
  }
}
