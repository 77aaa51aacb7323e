package io.leadgate.service.budget;

import io.leadgate.contracts.BudgetStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hands budget-service's mode changes to the {@link BudgetClient}, so a lease held while an org was
 * BLUE stops answering the moment budget-service says the org left BLUE (not only when its hold
 * time is over). Every instance reads every change (a group of its own), from now on.
 */
public class BudgetModeListener {

  private final BudgetClient budget;

  public BudgetModeListener(BudgetClient budget) {
    this.budget = budget;
  }

  @KafkaListener(
      id = "budget-modes",
      topics = "budget.status",
      groupId = "${spring.application.name}-budget-modes-${random.uuid}",
      containerFactory = "budgetModeListenerFactory",
      properties = "auto.offset.reset=latest")
  void onBudgetStatus(BudgetStatusChanged status) {
    budget.modeChanged(status.orgId(), status.mode());
  }
}
