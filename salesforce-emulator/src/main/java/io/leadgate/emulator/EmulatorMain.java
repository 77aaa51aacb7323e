package io.leadgate.emulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone:
 *
 * <pre>
 * java -jar salesforce-emulator-exec.jar [--port 8090] [--host 127.0.0.1]
 *     [--seed file|classpath:demo-org.json]... [--admin-token token]
 * </pre>
 *
 * Stops on SIGTERM or Ctrl-C.
 */
public final class EmulatorMain {

  static final int DEFAULT_PORT = 8090;
  static final String DEFAULT_SEED = "classpath:demo-org.json";

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig config;
    try {
      config = parse(args, EmulatorConfig.defaults());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: EmulatorMain [--port N] [--host H] [--seed file|classpath:res]..."
              + " [--admin-token T]");
      System.exit(2);
      return;
    }
    SalesforceEmulator emulator = SalesforceEmulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "sf-emulator-shutdown"));
    describe(emulator, System.out);
    stopped.await();
  }

  static EmulatorConfig parse(String[] args, EmulatorConfig defaults) {
    EmulatorConfig config = defaults.withPort(DEFAULT_PORT);
    List<String> seeds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> config = config.withPort(Integer.parseInt(value));
        case "--host" -> config = config.withHost(value);
        case "--seed" -> seeds.add(value);
        case "--admin-token" -> config = config.withAdminToken(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return config.withSeedLocations(seeds.isEmpty() ? List.of(DEFAULT_SEED) : seeds);
  }

  static void describe(SalesforceEmulator emulator, PrintStream out) {
    out.println("Salesforce emulator listening on " + emulator.baseUrl());
    out.println("  OAuth token endpoint: " + emulator.tokenEndpoint());
    out.println("  SOAP endpoint:        " + emulator.soapEndpoint());
    for (EmulatedOrg org : emulator.orgs()) {
      out.println(
          "  org "
              + org.orgId()
              + " \""
              + org.name()
              + "\" client id "
              + org.clientId()
              + ", integration user "
              + org.integrationUserId());
    }
  }
}
