package io.leadgate.salesforce;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@link SalesforceClient} per org, opened on first use, all reporting the usage they observe
 * to one listener.
 */
public final class SalesforceClients implements AutoCloseable {

  private final Function<String, Optional<SalesforceSettings>> settingsByOrg;
  private final Clock clock;
  private final Consumer<ApiUsage> usageListener;
  private final Map<String, SalesforceClient> clients = new ConcurrentHashMap<>();

  public SalesforceClients(
      Function<String, Optional<SalesforceSettings>> settingsByOrg,
      Consumer<ApiUsage> usageListener) {
    this(settingsByOrg, Clock.systemUTC(), usageListener);
  }

  /** The same, stamping usage readings with {@code clock} ({@link ApiUsage#requestedAt}). */
  public SalesforceClients(
      Function<String, Optional<SalesforceSettings>> settingsByOrg,
      Clock clock,
      Consumer<ApiUsage> usageListener) {
    this.settingsByOrg = settingsByOrg;
    this.clock = clock;
    this.usageListener = usageListener;
  }

  public SalesforceClient forOrg(String orgId) {
    return clients.computeIfAbsent(
        orgId,
        id ->
            SalesforceClient.withClientCredentials(
                settingsByOrg
                    .apply(id)
                    .orElseThrow(
                        () -> new IllegalArgumentException("No org " + id + " configured")),
                clock,
                usageListener));
  }

  @Override
  public void close() {
    clients.values().forEach(SalesforceClient::close);
    clients.clear();
  }
}
