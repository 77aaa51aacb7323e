package io.leadgate.budget.usage;

import io.leadgate.budget.allowance.BudgetLedger;
import io.leadgate.budget.store.RunFence;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes every org's budget periodically, so dashboards see it even when nothing changes. */
@Component
class BudgetStatusHeartbeat {

  private final BudgetLedger ledger;
  private final RunFence fence;

  BudgetStatusHeartbeat(BudgetLedger ledger, RunFence fence) {
    this.ledger = ledger;
    this.fence = fence;
  }

  @Scheduled(fixedDelayString = "${leadgate.budget.status-interval}")
  void publish() {
    if (!fence.superseded()) { // a stepped-down run's budget is stale
      ledger.publishAll();
    }
  }
}
