package io.leadgate.faultcampaign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One replica of a service: a process on a port of its own that survives its restarts. */
final class ServiceInstance {

  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private final ServiceKind kind;
  private final String name;
  private final int port;
  private final ManagedProcess process;
  private int starts;

  ServiceInstance(
      ServiceImage image,
      int replica,
      Map<String, String> environment,
      Path workDirectory,
      Path logDirectory) {
    this.kind = image.kind();
    this.name = kind.artifact().replace("-service", "") + "-" + replica;
    this.port = Ports.free();
    Map<String, String> own = new HashMap<>(environment);
    own.put(kind.portVariable(), Integer.toString(port));
    this.process =
        new ManagedProcess(
            name, image.command(), own, workDirectory, logDirectory.resolve(name + ".log"));
  }

  ServiceKind kind() {
    return kind;
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void start() {
    starts++;
    process.start();
  }

  synchronized int starts() {
    return starts;
  }

  void kill() {
    process.kill();
  }

  void stop() {
    process.stop();
  }

  void pause() {
    process.pause();
  }

  void resume() {
    process.resume();
  }

  boolean alive() {
    return process.alive();
  }

  boolean paused() {
    return process.paused();
  }

  /** Readiness as the service reports it (Kafka, and Salesforce for dedup and writer). */
  boolean ready() {
    if (!process.alive() || process.paused()) {
      return false;
    }
    return probe("/actuator/health/readiness");
  }

  /** Up and serving HTTP, whatever its dependencies say. */
  boolean live() {
    if (!process.alive() || process.paused()) {
      return false;
    }
    return probe("/actuator/health/liveness");
  }

  private boolean probe(String path) {
    try {
      HttpResponse<Void> response =
          PROBE.send(
              HttpRequest.newBuilder(URI.create(url() + path))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
