package io.leadgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine where the tests run, so the compose file and Dockerfiles are checked
 * statically against the code: what they name must exist.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> SERVICES =
      Set.of("capture-service", "dedup-service", "budget-service", "writer-service");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  @Test
  void composeRunsKafkaTheEmulatorAndTheFourServices() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> services = (Map<String, Object>) compose().get("services");

    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "kafka",
            "salesforce-emulator",
            "capture-service",
            "dedup-service",
            "budget-service",
            "writer-service",
            "prometheus");
    assertThat(service("kafka").get("image").toString()).startsWith("apache/kafka:");
    assertThat(service("kafka").get("environment").toString()).contains("broker,controller");
  }

  @ParameterizedTest
  @ValueSource(strings = {"capture-service", "dedup-service", "budget-service", "writer-service"})
  void everyEnvironmentVariableIsOneTheServiceReads(String name) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
    String config =
        Files.readString(ROOT.resolve(name + "/src/main/resources/" + name + ".yml"))
            + Files.readString(ROOT.resolve("config/tenants.yml"));

    assertThat(environment).isNotEmpty();
    for (String variable : environment.keySet()) {
      assertThat(config).as("%s reads %s", name, variable).contains("${" + variable);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"capture-service", "dedup-service", "budget-service", "writer-service"})
  void eachServiceListensOnThePortComposePublishes(String name) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
    String portVariable = name.substring(0, name.indexOf('-')).toUpperCase() + "_PORT";
    String config = Files.readString(ROOT.resolve(name + "/src/main/resources/" + name + ".yml"));

    assertThat(config)
        .contains("port: ${" + portVariable + ":" + environment.get(portVariable) + "}");
    @SuppressWarnings("unchecked")
    List<String> ports = (List<String>) service(name).get("ports");
    assertThat(ports)
        .containsExactly(environment.get(portVariable) + ":" + environment.get(portVariable));
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEachServiceOnThePortItListensOn() throws IOException {
    Map<String, Object> prometheus = service("prometheus");
    assertThat(prometheus.get("image").toString()).startsWith("prom/prometheus:");
    assertThat((List<String>) prometheus.get("volumes"))
        .contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

    Map<String, Object> config =
        new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus.yml")));
    List<String> targets = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
      for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
        targets.addAll((List<String>) group.get("targets"));
      }
    }
    List<String> expected = new ArrayList<>();
    for (String name : SERVICES) {
      Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
      String portVariable = name.substring(0, name.indexOf('-')).toUpperCase() + "_PORT";
      expected.add(name + ":" + environment.get(portVariable));
      // The endpoint is exposed by the service itself, not only scraped.
      assertThat(Files.readString(ROOT.resolve(name + "/src/main/resources/" + name + ".yml")))
          .contains("include: health,prometheus");
    }
    assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theEmulatorsEnvironmentIsOneItReads() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> environment =
        (Map<String, Object>) service("salesforce-emulator").get("environment");
    String code =
        Files.readString(
            ROOT.resolve(
                "salesforce-emulator/src/main/java/io/leadgate/emulator/EmulatorConfig.java"));

    for (String variable : environment.keySet()) {
      assertThat(code).contains("\"" + variable + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "capture-service",
        "dedup-service",
        "budget-service",
        "writer-service",
        "salesforce-emulator"
      })
  void eachDockerfileCopiesTheJarItsModuleBuilds(String module) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> build = (Map<String, Object>) service(module).get("build");
    String dockerfile = Files.readString(ROOT.resolve(build.get("dockerfile").toString()));
    String pom = Files.readString(ROOT.resolve(module + "/pom.xml"));
    String version =
        firstMatch(Files.readString(ROOT.resolve("pom.xml")), "<version>(\\d[^<]*)</version>");

    assertThat(build.get("dockerfile")).isEqualTo(module + "/Dockerfile");
    assertThat(pom).contains("<artifactId>" + module + "</artifactId>");
    assertThat(pom).contains("spring-boot-maven-plugin"); // repackages the runnable -exec jar
    assertThat(dockerfile)
        .contains("COPY " + module + "/target/" + module + "-" + version + "-exec.jar app.jar");
  }

  private static String firstMatch(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    // The first <version> in the root POM is the parent's (Spring Boot); the second is ours.
    return found.get(1);
  }
}
