package io.leadgate.bench.system;

import com.sforce.soap.partner.Connector;
import com.sforce.ws.ConnectorConfig;
import io.leadgate.bench.NaiveChecker;
import io.leadgate.bench.system.Workload.Planned;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same captures through the naive checker, against fresh copies of the benchmark's orgs (same
 * seeded records) in the same emulator, one thread per org in capture order; the emulator counts
 * the calls. Run while Leadgate is idle, so it does not disturb Leadgate's figures.
 */
final class NaiveRun {

  record Result(int leads, long calls, int wrong) {
    double perLead() {
      return leads == 0 ? Double.NaN : (double) calls / leads;
    }
  }

  private NaiveRun() {}

  static Result run(
      EmulatorAdmin admin,
      String emulatorUrl,
      int workloadNumber,
      Map<Integer, List<Person>> seeded,
      List<Planned> captures)
      throws Exception {
    List<String> orgIds = new ArrayList<>();
    List<NaiveChecker> checkers = new ArrayList<>();
    for (int org = 0; org < seeded.size(); org++) {
      String orgId = "00D00000000N" + workloadNumber + "0" + (org + 1);
      String clientId = "naive-" + workloadNumber + "-" + (org + 1);
      admin.createOrg(
          SeedSpec.org(
              orgId,
              "Naive " + workloadNumber + "/" + (org + 1),
              clientId,
              "naive-secret",
              "0050000000N" + workloadNumber,
              org + 1,
              seeded.get(org)));
      orgIds.add(orgId);
      ConnectorConfig config = new ConnectorConfig();
      JsonNode token = token(emulatorUrl, clientId, "naive-secret");
      config.setSessionId(token.path("access_token").asString());
      config.setServiceEndpoint(token.path("instance_url").asString() + "/services/Soap/u/65.0");
      checkers.add(new NaiveChecker(Connector.newConnection(config)));
    }
    EmulatorAdmin.Usage before = EmulatorAdmin.Usage.none();
    for (String orgId : orgIds) {
      before = before.plus(admin.usage(orgId));
    }
    AtomicInteger wrong = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int org = 0; org < orgIds.size(); org++) {
      int index = org;
      Thread thread =
          new Thread(
              () -> {
                for (Planned capture : captures) {
                  if (capture.org() != index) {
                    continue;
                  }
                  Person p = capture.person();
                  try {
                    boolean found =
                        checkers
                            .get(index)
                            .checkAndCreate(p.firstName(), p.lastName(), p.company(), p.email());
                    if (found != (capture.kind() != Workload.Kind.NEW)) {
                      wrong.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failures.add(e);
                    return;
                  }
                }
              },
              "naive-" + org);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    EmulatorAdmin.Usage after = EmulatorAdmin.Usage.none();
    for (String orgId : orgIds) {
      after = after.plus(admin.usage(orgId));
    }
    return new Result(captures.size(), after.minus(before).calls(), wrong.get());
  }

  private static JsonNode token(String emulatorUrl, String clientId, String secret)
      throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulatorUrl + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return JsonMapper.builder().build().readTree(response.body());
  }
}
