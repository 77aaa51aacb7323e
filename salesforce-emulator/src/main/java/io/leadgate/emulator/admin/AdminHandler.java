package io.leadgate.emulator.admin;

import com.sun.net.httpserver.HttpExchange;
import io.leadgate.emulator.ApiUsageReport;
import io.leadgate.emulator.CallLogEntry;
import io.leadgate.emulator.DuplicateRuleMode;
import io.leadgate.emulator.EmulatorClock;
import io.leadgate.emulator.FaultSpec;
import io.leadgate.emulator.faults.FaultPlan;
import io.leadgate.emulator.http.HttpSupport;
import io.leadgate.emulator.oauth.SessionRegistry;
import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.org.SchemaCatalog;
import io.leadgate.emulator.seed.SeedLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API under /admin: org management, seeding, usage inspection, limits, settings and the
 * clock. JSON in and out; errors are RFC 9457 problem details. Every request needs the admin bearer
 * token so that a shared emulator cannot be reconfigured by accident.
 */
public final class AdminHandler {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final Pattern ORG = Pattern.compile("^/admin/orgs/([A-Za-z0-9]+)(/.*)?$");
  private static final Pattern RECORDS = Pattern.compile("^/records/([A-Za-z0-9_]+)/?$");

  /** A request the admin API rejects, mapped to a problem response. */
  private static final class ProblemException extends RuntimeException {
    final int status;
    final String title;

    ProblemException(int status, String title, String detail) {
      super(detail);
      this.status = status;
      this.title = title;
    }
  }

  private final byte[] adminToken;
  private final OrgRegistry orgs;
  private final SessionRegistry sessions;
  private final SeedLoader seeds;
  private final Clock clock;
  private final JsonMapper json;

  public AdminHandler(
      String adminToken,
      OrgRegistry orgs,
      SessionRegistry sessions,
      SeedLoader seeds,
      Clock clock,
      JsonMapper json) {
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.orgs = orgs;
    this.sessions = sessions;
    this.seeds = seeds;
    this.clock = clock;
    this.json = json;
  }

  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      String token = HttpSupport.bearerToken(exchange);
      if (token == null
          || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), adminToken)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"emulator-admin\"");
        throw new ProblemException(
            401, "Unauthorized", "The admin API needs header Authorization: Bearer <admin token>");
      }
      route(exchange, exchange.getRequestMethod().toUpperCase(), path);
    } catch (ProblemException e) {
      problem(exchange, e.status, e.title, e.getMessage(), path);
    } catch (IllegalArgumentException | JacksonException e) {
      problem(exchange, 400, "Bad Request", e.getMessage(), path);
    }
  }

  private void route(HttpExchange exchange, String method, String path) throws IOException {
    if (path.equals("/admin/orgs") || path.equals("/admin/orgs/")) {
      switch (method) {
        case "GET" -> ok(exchange, 200, orgs.all().stream().map(this::summary).toList());
        case "POST" -> ok(exchange, 201, summary(seeds.createOrg(readObject(exchange))));
        default -> throw notAllowed(method);
      }
      return;
    }
    if (path.equals("/admin/clock")) {
      requireMethod(method, "GET");
      ok(exchange, 200, clockView());
      return;
    }
    if (path.equals("/admin/clock/advance")) {
      requireMethod(method, "POST");
      advanceClock(readObject(exchange));
      ok(exchange, 200, clockView());
      return;
    }
    Matcher orgPath = ORG.matcher(path);
    if (!orgPath.matches()) {
      throw new ProblemException(404, "Not Found", "No admin resource at " + path);
    }
    OrgState org =
        orgs.find(orgPath.group(1))
            .orElseThrow(
                () -> new ProblemException(404, "Not Found", "No org " + orgPath.group(1)));
    String rest = orgPath.group(2) == null ? "" : orgPath.group(2);
    Matcher records = RECORDS.matcher(rest);
    if (rest.isEmpty() || rest.equals("/")) {
      requireMethod(method, "GET");
      ok(exchange, 200, summary(org));
    } else if (records.matches()) {
      records(exchange, method, org, records.group(1));
    } else if (rest.equals("/api-usage")) {
      requireMethod(method, "GET");
      ok(exchange, 200, usageView(org.usage().report()));
    } else if (rest.equals("/call-log")) {
      requireMethod(method, "GET");
      List<Map<String, Object>> entries = new ArrayList<>();
      for (CallLogEntry entry : org.usage().callLog()) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("timestamp", entry.timestamp().toString());
        view.put("operation", entry.operation());
        view.put("counted", entry.counted());
        view.put("outcome", entry.outcome());
        entries.add(view);
      }
      ok(exchange, 200, entries);
    } else if (rest.equals("/limits")) {
      requireMethod(method, "PUT");
      Map<String, Object> body = readObject(exchange);
      onlyKeys(body, Set.of("dailyApiLimit", "backgroundUsage", "overshootFactor"));
      org.usage()
          .update(
              asLong(body, "dailyApiLimit"),
              asLong(body, "backgroundUsage"),
              asDouble(body, "overshootFactor"));
      ok(exchange, 200, usageView(org.usage().report()));
    } else if (rest.equals("/settings")) {
      if (method.equals("PUT")) {
        updateSettings(org, readObject(exchange));
      } else {
        requireMethod(method, "GET");
      }
      ok(exchange, 200, settingsView(org));
    } else if (rest.equals("/faults")) {
      switch (method) {
        case "GET" -> ok(exchange, 200, faultsView(org.faults().spec()));
        case "PUT" -> {
          FaultSpec spec = parseFaults(readObject(exchange));
          org.faults(FaultPlan.seeded(spec));
          ok(exchange, 200, faultsView(spec));
        }
        case "DELETE" -> {
          org.faults(FaultPlan.seeded(FaultSpec.none()));
          HttpSupport.send(exchange, 204, null, new byte[0]);
        }
        default -> throw notAllowed(method);
      }
    } else if (rest.equals("/sessions/expire")) {
      if (!method.equals("PUT") && !method.equals("POST")) {
        throw notAllowed(method);
      }
      sessions.revokeAll(org);
      HttpSupport.send(exchange, 204, null, new byte[0]);
    } else {
      throw new ProblemException(404, "Not Found", "No admin resource at " + path);
    }
  }

  private void records(HttpExchange exchange, String method, OrgState org, String type)
      throws IOException {
    SObjectSchema schema =
        org.schema()
            .find(type)
            .orElseThrow(
                () -> new ProblemException(404, "Not Found", "Unknown sObject type " + type));
    switch (method) {
      case "GET" -> {
        List<Map<String, Object>> view =
            org.locked(
                () -> {
                  List<Map<String, Object>> out = new ArrayList<>();
                  for (Map<String, Object> record : org.store().all(schema.name())) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    record.forEach((k, v) -> copy.put(k, jsonValue(v)));
                    out.add(copy);
                  }
                  return out;
                });
        ok(exchange, 200, view);
      }
      case "POST" -> {
        Object body = json.readValue(HttpSupport.readBody(exchange), Object.class);
        List<String> ids = SeedLoader.seedAll(org, schema.name(), body);
        ok(exchange, 201, Map.of("ids", ids));
      }
      case "DELETE" -> {
        if (schema.name().equals(SchemaCatalog.USER)) {
          throw new ProblemException(409, "Conflict", "Users own records and cannot be cleared");
        }
        org.locked(
            () -> {
              org.store().clear(schema.name());
              return null;
            });
        HttpSupport.send(exchange, 204, null, new byte[0]);
      }
      default -> throw notAllowed(method);
    }
  }

  private static void updateSettings(OrgState org, Map<String, Object> body) {
    onlyKeys(body, Set.of("loginAllowed", "duplicateRules", "searchIndexDelayMs"));
    Object login = body.get("loginAllowed");
    if (login != null && !(login instanceof Boolean)) {
      throw new IllegalArgumentException("loginAllowed must be true or false");
    }
    DuplicateRuleMode mode = null;
    if (body.get("duplicateRules") != null) {
      try {
        mode =
            DuplicateRuleMode.valueOf(
                body.get("duplicateRules").toString().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("duplicateRules must be OFF, ALERT or BLOCK");
      }
    }
    Long delay = asLong(body, "searchIndexDelayMs");
    if (delay != null && delay < 0) {
      throw new IllegalArgumentException("searchIndexDelayMs must not be negative");
    }
    if (login != null) {
      org.loginAllowed((Boolean) login);
    }
    if (mode != null) {
      org.duplicateRules(mode);
    }
    if (delay != null) {
      org.searchIndexDelay(Duration.ofMillis(delay));
    }
  }

  private static Map<String, Object> settingsView(OrgState org) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("loginAllowed", org.loginAllowed());
    view.put("duplicateRules", org.duplicateRules().name());
    view.put("searchIndexDelayMs", org.searchIndexDelay().toMillis());
    return view;
  }

  private static final Set<String> FAULT_KEYS =
      Set.of(
          "latencyMs",
          "latencyMinMs",
          "latencyMaxMs",
          "http5xxRate",
          "dropConnectionRate",
          "commitThenTimeoutRate",
          "commitThenTimeoutDelayMs",
          "operations",
          "seed");

  /** A PUT body replaces the whole spec: omitted faults are off. */
  private static FaultSpec parseFaults(Map<String, Object> body) {
    onlyKeys(body, FAULT_KEYS);
    FaultSpec spec = FaultSpec.none();
    Long fixed = asLong(body, "latencyMs");
    Long min = asLong(body, "latencyMinMs");
    Long max = asLong(body, "latencyMaxMs");
    if (fixed != null && (min != null || max != null)) {
      throw new IllegalArgumentException("give latencyMs or latencyMinMs/latencyMaxMs, not both");
    }
    if (fixed != null) {
      spec = spec.withLatency(Duration.ofMillis(fixed));
    } else if (min != null || max != null) {
      long lo = min == null ? 0 : min;
      spec = spec.withLatency(Duration.ofMillis(lo), Duration.ofMillis(max == null ? lo : max));
    }
    spec = spec.withHttp5xxRate(orZero(asDouble(body, "http5xxRate")));
    spec = spec.withDropConnectionRate(orZero(asDouble(body, "dropConnectionRate")));
    Long delay = asLong(body, "commitThenTimeoutDelayMs");
    spec =
        spec.withCommitThenTimeout(
            orZero(asDouble(body, "commitThenTimeoutRate")),
            delay == null ? FaultSpec.DEFAULT_COMMIT_THEN_TIMEOUT_DELAY : Duration.ofMillis(delay));
    Object operations = body.get("operations");
    if (operations != null) {
      if (!(operations instanceof List<?> list)
          || list.stream().anyMatch(o -> !(o instanceof String))) {
        throw new IllegalArgumentException("operations must be an array of operation names");
      }
      spec = spec.withOperations(list.stream().map(String.class::cast).collect(Collectors.toSet()));
    }
    Long seed = asLong(body, "seed");
    if (seed != null) {
      spec = spec.withSeed(seed);
    }
    return spec;
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static Map<String, Object> faultsView(FaultSpec spec) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("latencyMinMs", spec.latencyMin().toMillis());
    view.put("latencyMaxMs", spec.latencyMax().toMillis());
    view.put("http5xxRate", spec.http5xxRate());
    view.put("dropConnectionRate", spec.dropConnectionRate());
    view.put("commitThenTimeoutRate", spec.commitThenTimeoutRate());
    view.put("commitThenTimeoutDelayMs", spec.commitThenTimeoutDelay().toMillis());
    view.put("operations", spec.operations().stream().sorted().toList());
    view.put("seed", spec.seed());
    return view;
  }

  private Map<String, Object> summary(OrgState org) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("orgId", org.orgId());
    view.put("orgId15", org.orgId15());
    view.put("name", org.name());
    view.put("clientId", org.clientId());
    view.put("integrationUserId", org.integrationUserId());
    view.put("loginAllowed", org.loginAllowed());
    List<Map<String, Object>> users =
        org.locked(
            () -> {
              List<Map<String, Object>> out = new ArrayList<>();
              for (Map<String, Object> user : org.store().all(SchemaCatalog.USER)) {
                Map<String, Object> u = new LinkedHashMap<>();
                for (String field : List.of("Id", "Name", "Username", "Email", "IsActive")) {
                  u.put(field, user.get(field));
                }
                out.add(u);
              }
              return out;
            });
    view.put("users", users);
    return view;
  }

  private static Map<String, Object> usageView(ApiUsageReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("callsInWindow", report.callsInWindow());
    view.put("backgroundUsage", report.backgroundUsage());
    view.put("current", report.reportedUsage());
    view.put("limit", report.limit());
    view.put("overshootFactor", report.overshootFactor());
    view.put("byOperation", report.byOperation());
    return view;
  }

  private Map<String, Object> clockView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("now", clock.instant().toString());
    view.put("adjustable", clock instanceof EmulatorClock);
    return view;
  }

  private void advanceClock(Map<String, Object> body) {
    onlyKeys(body, Set.of("seconds"));
    if (!(body.get("seconds") instanceof Number seconds)) {
      throw new IllegalArgumentException("\"seconds\" must be a number");
    }
    if (!(clock instanceof EmulatorClock adjustable)) {
      throw new ProblemException(
          409, "Conflict", "The emulator runs on a clock that cannot be moved");
    }
    adjustable.advance(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Instant || value instanceof LocalDate) {
      return FieldValues.format(value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readObject(HttpExchange exchange) throws IOException {
    byte[] body = HttpSupport.readBody(exchange);
    if (body.length == 0) {
      throw new IllegalArgumentException("a JSON object body is required");
    }
    Object value = json.readValue(body, Object.class);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a JSON object body is required");
    }
    return (Map<String, Object>) map;
  }

  private static void onlyKeys(Map<String, Object> body, Set<String> allowed) {
    for (String key : body.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown property \"" + key + "\"; allowed: " + allowed);
      }
    }
  }

  private static Long asLong(Map<String, Object> body, String key) {
    Object v = body.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
  }

  private static Double asDouble(Map<String, Object> body, String key) {
    Object v = body.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("\"" + key + "\" must be a number");
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw notAllowed(method);
    }
  }

  private static ProblemException notAllowed(String method) {
    return new ProblemException(405, "Method Not Allowed", method + " is not supported here");
  }

  private void ok(HttpExchange exchange, int status, Object body) throws IOException {
    HttpSupport.send(exchange, status, JSON, json.writeValueAsBytes(body));
  }

  private void problem(HttpExchange exchange, int status, String title, String detail, String path)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", path);
    HttpSupport.send(exchange, status, PROBLEM, json.writeValueAsBytes(body));
  }
}
