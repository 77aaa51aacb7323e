package io.leadgate.budget.dashboard;

import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.LeadStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds both status topics, whole, into this instance's {@link Dashboard}. */
@Component
class DashboardListener {

  private final Dashboard dashboard;

  DashboardListener(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @KafkaListener(
      id = "budget-dashboard-leads",
      groupId = "${leadgate.dashboard.group-id}",
      topics = "leads.status",
      containerFactory = "dashboardLeadsListenerFactory")
  void onLead(LeadStatusChanged status) {
    if (status != null) {
      dashboard.on(status);
    }
  }

  @KafkaListener(
      id = "budget-dashboard-budget",
      groupId = "${leadgate.dashboard.group-id}",
      topics = "budget.status",
      containerFactory = "dashboardBudgetListenerFactory")
  void onBudget(BudgetStatusChanged status) {
    if (status != null) {
      dashboard.on(status);
    }
  }
}
