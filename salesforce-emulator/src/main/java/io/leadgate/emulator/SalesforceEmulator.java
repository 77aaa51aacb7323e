package io.leadgate.emulator;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.emulator.admin.AdminHandler;
import io.leadgate.emulator.http.Router;
import io.leadgate.emulator.id.IdGenerator;
import io.leadgate.emulator.limits.LimitsHandler;
import io.leadgate.emulator.oauth.SessionRegistry;
import io.leadgate.emulator.oauth.TokenHandler;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.seed.SeedLoader;
import io.leadgate.emulator.soap.SoapHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Salesforce org emulator on the JDK HTTP server: OAuth token endpoint, Partner SOAP API 65.0,
 * REST limits and an admin API, serving any number of orgs.
 */
public final class SalesforceEmulator implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final Clock clock;
  private final OrgRegistry orgs;
  private final SessionRegistry sessions;
  private final SeedLoader seeds;

  private SalesforceEmulator(
      HttpServer server,
      ExecutorService executor,
      URI baseUrl,
      Clock clock,
      OrgRegistry orgs,
      SessionRegistry sessions,
      SeedLoader seeds) {
    this.server = server;
    this.executor = executor;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.orgs = orgs;
    this.sessions = sessions;
    this.seeds = seeds;
  }

  /** Binds, loads the configured seed files and starts serving. */
  public static SalesforceEmulator start(EmulatorConfig config) {
    // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACKs and every
    // keep-alive call waits ~40 ms. Read once by the JDK when its first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Clock clock = config.clock();
    // Strict about typos in seed files and admin requests, lenient about omitted numbers/flags.
    JsonMapper json =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    OrgRegistry orgs = new OrgRegistry(clock, new IdGenerator());
    SessionRegistry sessions = new SessionRegistry(clock, config.sessionIdleTimeout());
    SeedLoader seeds = new SeedLoader(orgs, json);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + config.host() + ":" + config.port(), e);
    }
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    URI baseUrl = URI.create("http://" + host + ":" + bound.getPort());
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "sf-emulator-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    SalesforceEmulator emulator =
        new SalesforceEmulator(server, executor, baseUrl, clock, orgs, sessions, seeds);
    Router router =
        new Router(
            new TokenHandler(orgs, sessions, clock, baseUrl, json),
            new SoapHandler(orgs, sessions, baseUrl),
            new LimitsHandler(sessions, json),
            new AdminHandler(config.adminToken(), orgs, sessions, seeds, clock, json));
    server.createContext("/", router);
    server.setExecutor(executor);
    try {
      for (String location : config.seedLocations()) {
        seeds.load(location);
      }
    } catch (RuntimeException e) {
      server.stop(0);
      executor.shutdownNow();
      throw e;
    }
    server.start();
    return emulator;
  }

  /** The base URL, also the instance_url of issued tokens, e.g. http://127.0.0.1:54321. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The Partner SOAP endpoint for WSC's setServiceEndpoint. */
  public String soapEndpoint() {
    return baseUrl + SoapHandler.PATH;
  }

  /** The OAuth 2.0 token endpoint. */
  public URI tokenEndpoint() {
    return URI.create(baseUrl + "/services/oauth2/token");
  }

  public EmulatedOrg createOrg(OrgSpec spec) {
    return wrap(orgs.create(spec));
  }

  /**
   * The org with this 15- or 18-character id.
   *
   * @throws NoSuchElementException if there is none
   */
  public EmulatedOrg org(String orgId) {
    return orgs.find(orgId)
        .map(this::wrap)
        .orElseThrow(() -> new NoSuchElementException("no org " + orgId));
  }

  public List<EmulatedOrg> orgs() {
    return orgs.all().stream().map(this::wrap).toList();
  }

  /** Loads a seed file (path or {@code classpath:} resource) into this running emulator. */
  public List<EmulatedOrg> loadSeed(String location) {
    return seeds.load(location).stream().map(this::wrap).toList();
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Moves the emulator's clock forward.
   *
   * @throws IllegalStateException unless the configured clock is an {@link EmulatorClock}
   */
  public void advanceClock(Duration amount) {
    if (!(clock instanceof EmulatorClock adjustable)) {
      throw new IllegalStateException("the configured clock cannot be moved");
    }
    adjustable.advance(amount);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private EmulatedOrg wrap(OrgState state) {
    return new EmulatedOrg(state, sessions);
  }
}
