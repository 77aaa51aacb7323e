package io.leadgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.WithKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live dashboard in real headless Chromium (Debian's {@code /usr/bin/chromium} driven by
 * playwright-core, {@code dashboard-e2e/dashboard.mjs}): the page takes the team key, shows the
 * team's org and its live stream, and a duplicate captured over HTTP appears in its latest
 * duplicates. The screenshot is kept at {@code system-tests/target/dashboard.png}.
 *
 * <p>Needs node, chromium and playwright-core: {@code .ci/browser-setup.sh} installs them. Without
 * them the test fails (it never skips).
 */
@WithKafkaBroker
class DashboardBrowserTest {

  private static final String SETUP = "run .ci/browser-setup.sh (installs chromium and playwright)";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(45);

  private static LeadgateStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void startStack() {
    stack = LeadgateStack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theDashboardShowsTheOrgAndADuplicateCapturedWhileItIsOpen() throws Exception {
    Path root = repositoryRoot();
    Path script = root.resolve("dashboard-e2e/dashboard.mjs");
    assertThat(CHROMIUM).as("%s is missing: %s", CHROMIUM, SETUP).isExecutable();
    assertThat(root.resolve("dashboard-e2e/node_modules/playwright-core"))
        .as("playwright-core is not installed in dashboard-e2e: %s", SETUP)
        .isDirectory();
    Path screenshot = root.resolve("system-tests/target/dashboard.png");
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);
    String seeded =
        stack.acme.seed(
            "Lead",
            Map.of(
                "FirstName", "Grace",
                "LastName", "Hopper",
                "Email", "grace@navy.example",
                "Company", "US Navy"));

    Process browser = startBrowser(root, script, screenshot);
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> collect(browser, output), "dashboard-browser-output");
    reader.setDaemon(true);
    reader.start();
    try {
      await("the dashboard to show the org")
          .atMost(BROWSER_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                boolean ready =
                    output.stream().anyMatch(line -> line.startsWith("DASHBOARD READY"));
                if (!ready && !browser.isAlive()) {
                  throw new IllegalStateException("the browser script ended early: " + output);
                }
                assertThat(ready).as("browser output so far: %s", output).isTrue();
              });
      assertThat(output)
          .as("the page shows the key's team and org")
          .anyMatch(line -> line.equals("DASHBOARD READY acme · " + TestTenants.ACME_ORG));

      String captureId =
          capture(
              "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\","
                  + "\"email\":\" Grace@Navy.example \",\"company\":\"US Navy\"}");
      try (Writer stdin =
          new OutputStreamWriter(browser.getOutputStream(), StandardCharsets.UTF_8)) {
        stdin.write(captureId + "\n");
      }

      boolean ended = browser.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      reader.join(5_000);
      assertThat(ended).as("the browser script ended; output: %s", output).isTrue();
      assertThat(browser.exitValue()).as("browser script exit code; output: %s", output).isZero();
      assertThat(output)
          .as("the duplicate's row names the seeded record")
          .anyMatch(line -> line.startsWith("DASHBOARD UPDATED") && line.contains(seeded));
      assertThat(screenshot).isRegularFile();
      assertThat(Files.size(screenshot)).as("screenshot size").isPositive();
    } finally {
      browser.destroyForcibly();
    }
  }

  private Process startBrowser(Path root, Path script, Path screenshot) {
    List<String> command =
        List.of(
            "node",
            script.toString(),
            stack.budgetUrl() + "/dashboard/index.html",
            TestTenants.ACME_API_KEY,
            screenshot.toString(),
            String.valueOf(BROWSER_TIMEOUT.toSeconds()));
    try {
      return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail("cannot run node (%s): %s", e.getMessage(), SETUP);
    }
  }

  private static void collect(Process process, List<String> output) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
      }
    } catch (IOException e) {
      output.add("(output unreadable: " + e.getMessage() + ")");
    }
  }

  /**
   * The checkout's root: the working directory is system-tests/ under Maven, the root in an IDE.
   */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("dashboard-e2e"))
          && Files.isDirectory(dir.resolve("system-tests"))) {
        return dir;
      }
    }
    return fail("no dashboard-e2e/ above %s", Path.of("").toAbsolutePath());
  }

  private String capture(String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads"))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("capture answer: %s", response.body()).isEqualTo(202);
    JsonNode answer = json.readTree(response.body());
    return answer.get("captureId").asString();
  }
}
