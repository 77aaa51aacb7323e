package io.leadgate.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Budget-service's allowance API over real HTTP, for testing one calling service on its own (the
 * system tests use the real budget-service). It grants what is asked while open and nothing while
 * closed, insists on the service token, and records every request.
 */
public final class BudgetServiceDouble implements AutoCloseable {

  private static final Pattern CALLS = Pattern.compile("\"calls\"\\s*:\\s*(\\d+)");

  private final HttpServer server;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicReference<String> mode = new AtomicReference<>("BLUE");
  private final AtomicReference<Instant> expiresAt =
      new AtomicReference<>(Instant.parse("2099-01-01T00:00:00Z"));
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final java.util.Set<String> closedOrgs =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private BudgetServiceDouble(String serviceToken) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/v1/orgs/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(exchange.getRequestURI().getPath() + " " + body);
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          if (!("Bearer " + serviceToken).equals(auth)) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
          }
          if (exchange.getRequestURI().getPath().endsWith("/usage")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
          }
          Matcher calls = CALLS.matcher(body);
          long asked = calls.find() ? Long.parseLong(calls.group(1)) : 0;
          String path = exchange.getRequestURI().getPath();
          String org = path.substring("/api/v1/orgs/".length()).split("/")[0];
          boolean granting = open.get() && !closedOrgs.contains(org);
          String answer =
              "{\"granted\":"
                  + (granting ? asked : 0)
                  + ",\"leaseId\":\""
                  + UUID.randomUUID()
                  + "\",\"expiresAt\":\""
                  + expiresAt.get()
                  + "\",\"mode\":\""
                  + (granting ? mode.get() : "EXHAUSTED")
                  + "\"}";
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  public static BudgetServiceDouble start(String serviceToken) {
    return new BudgetServiceDouble(serviceToken);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** While closed, every request is granted nothing (the org is at its cap). */
  public void setOpen(boolean granting) {
    open.set(granting);
  }

  /** While closed for an org, that org's requests are granted nothing; other orgs are served. */
  public void setOpen(String orgId, boolean granting) {
    if (granting) {
      closedOrgs.remove(orgId);
    } else {
      closedOrgs.add(orgId);
    }
  }

  /** When the leases granted from now on expire (far in the future unless set). */
  public void setLeaseExpiry(Instant instant) {
    expiresAt.set(instant);
  }

  /** The mode reported with grants: BLUE, or GOLDEN near the cap. */
  public void setMode(String grantingMode) {
    mode.set(grantingMode);
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
