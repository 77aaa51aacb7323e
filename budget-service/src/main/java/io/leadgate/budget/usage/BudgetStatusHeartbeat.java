package io.leadgate.budget.usage;

import io.leadgate.budget.allowance.BudgetLedger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes every org's budget periodically, so dashboards see it even when nothing changes. */
@Component
class BudgetStatusHeartbeat {

  private final BudgetLedger ledger;

  BudgetStatusHeartbeat(BudgetLedger ledger) {
    this.ledger = ledger;
  }

  @Scheduled(fixedDelayString = "${leadgate.budget.status-interval}")
  void publish() {
    ledger.publishAll();
  }
}
