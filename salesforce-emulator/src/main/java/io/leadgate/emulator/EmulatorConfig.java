package io.leadgate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start an emulator.
 *
 * @param port TCP port, 0 for a free one
 * @param host address to bind, 127.0.0.1 by default so the emulator is not exposed
 * @param clock time source for sessions, limits and audit fields; use an {@link EmulatorClock} to
 *     let tests and the admin API move time
 * @param adminToken bearer token the admin API requires
 * @param sessionIdleTimeout idle time after which an access token is rejected with
 *     INVALID_SESSION_ID (Salesforce's default session timeout is two hours)
 * @param seedLocations seed files loaded at start: file paths or {@code classpath:} resources
 * @param workerThreads size of the HTTP worker pool
 */
public record EmulatorConfig(
    int port,
    String host,
    Clock clock,
    String adminToken,
    Duration sessionIdleTimeout,
    List<String> seedLocations,
    int workerThreads) {

  public static final String ADMIN_TOKEN_ENV = "EMULATOR_ADMIN_TOKEN";
  public static final String DEFAULT_ADMIN_TOKEN = "emulator-admin";

  public EmulatorConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    seedLocations = List.copyOf(seedLocations);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be positive");
    }
  }

  /**
   * Random port on 127.0.0.1, an advanceable wall clock, the admin token from {@value
   * #ADMIN_TOKEN_ENV} (else {@value #DEFAULT_ADMIN_TOKEN}), two-hour idle sessions, no seeds.
   */
  public static EmulatorConfig defaults() {
    String token = System.getenv(ADMIN_TOKEN_ENV);
    return new EmulatorConfig(
        0,
        "127.0.0.1",
        EmulatorClock.system(),
        token == null || token.isBlank() ? DEFAULT_ADMIN_TOKEN : token,
        Duration.ofHours(2),
        List.of(),
        8);
  }

  public EmulatorConfig withPort(int newPort) {
    return new EmulatorConfig(
        newPort, host, clock, adminToken, sessionIdleTimeout, seedLocations, workerThreads);
  }

  public EmulatorConfig withHost(String newHost) {
    return new EmulatorConfig(
        port, newHost, clock, adminToken, sessionIdleTimeout, seedLocations, workerThreads);
  }

  public EmulatorConfig withClock(Clock newClock) {
    return new EmulatorConfig(
        port, host, newClock, adminToken, sessionIdleTimeout, seedLocations, workerThreads);
  }

  public EmulatorConfig withAdminToken(String newToken) {
    return new EmulatorConfig(
        port, host, clock, newToken, sessionIdleTimeout, seedLocations, workerThreads);
  }

  public EmulatorConfig withSessionIdleTimeout(Duration timeout) {
    return new EmulatorConfig(port, host, clock, adminToken, timeout, seedLocations, workerThreads);
  }

  public EmulatorConfig withSeedLocations(List<String> locations) {
    return new EmulatorConfig(
        port, host, clock, adminToken, sessionIdleTimeout, locations, workerThreads);
  }

  /** Adds one seed file (a path or {@code classpath:name}). */
  public EmulatorConfig withSeed(String location) {
    List<String> locations = new ArrayList<>(seedLocations);
    locations.add(location);
    return withSeedLocations(locations);
  }

  public EmulatorConfig withWorkerThreads(int threads) {
    return new EmulatorConfig(
        port, host, clock, adminToken, sessionIdleTimeout, seedLocations, threads);
  }
}
