package io.leadgate.budget.settings;

import io.leadgate.budget.BudgetProperties;
import io.leadgate.budget.allocation.Settings;
import io.leadgate.budget.allowance.BudgetLedger;
import io.leadgate.budget.store.StateStore;
import io.leadgate.contracts.BudgetSettingsChanged;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Reads and changes an org's budget settings; a change is durable and audited before it applies.
 */
@Service
class BudgetSettingsService {

  private final BudgetLedger ledger;
  private final StateStore store;
  private final BudgetProperties properties;
  private final Clock clock;

  BudgetSettingsService(
      BudgetLedger ledger, StateStore store, BudgetProperties properties, Clock clock) {
    this.ledger = ledger;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  BudgetController.BudgetView view(String orgId) {
    BudgetLedger.View view = ledger.view(orgId);
    Settings settings = view.budget().settings();
    return new BudgetController.BudgetView(
        orgId,
        view.budget().dailyLimit(),
        view.budget().observedUsage(),
        view.budget().observedAt(),
        view.estimatedUsage(),
        view.leadgateUsage(),
        Math.max(0, view.estimatedUsage() + view.outstanding() - view.leadgateUsage()),
        view.outstanding(),
        view.budget().capCalls(),
        view.headroom(),
        (long) Math.floor(view.headroom() / properties.callsPerCapture()),
        view.mode(),
        view.windowFreesAt(),
        new BudgetController.SettingsBody(
            settings.capPercent(),
            settings.goldenPercent(),
            settings.pacing(),
            settings.reserveCalls()));
  }

  /**
   * Changes the settings: the audit record and the settings topic are written and acknowledged
   * first, so a setting in force is always one Kafka keeps.
   */
  synchronized BudgetController.BudgetView change(
      String orgId, BudgetController.SettingsBody body, String changedBy) {
    Settings before = ledger.settings(orgId);
    BudgetSettingsChanged changed =
        new BudgetSettingsChanged(
            BudgetSettingsChanged.VERSION,
            orgId,
            changedBy,
            clock.instant(),
            new BudgetSettingsChanged.Settings(
                before.capPercent(),
                before.goldenPercent(),
                before.pacing(),
                before.reserveCalls()),
            new BudgetSettingsChanged.Settings(
                body.capPercent(), body.goldenPercent(), body.pacing(), body.reserveCalls()));
    store.storeSettings(changed);
    ledger.applySettings(orgId, StateStore.toSettings(changed.after()));
    return view(orgId);
  }
}
