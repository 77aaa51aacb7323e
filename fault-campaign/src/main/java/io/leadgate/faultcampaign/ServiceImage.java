package io.leadgate.faultcampaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's exec jar made quick to restart: extracted once (classes load from plain jars, which
 * class data sharing can archive, instead of from jars nested in the exec jar), plus a dynamic CDS
 * archive written by a training run that stops once the Spring context is refreshed. Both are kept
 * in a cache next to the jars and reused while the exec jar is unchanged.
 */
final class ServiceImage {

  /** JVM options every instance runs with: a small heap, C1 only, one GC thread. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx256m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:-UsePerfData",
          "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off");

  private final ServiceKind kind;
  private final Path jar;
  private final Path archive;

  private ServiceImage(ServiceKind kind, Path jar, Path archive) {
    this.kind = kind;
    this.jar = jar;
    this.archive = archive;
  }

  ServiceKind kind() {
    return kind;
  }

  /** The command that starts one instance. */
  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(JVM_OPTIONS);
    if (Files.exists(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return command;
  }

  /**
   * Extracts the exec jar unless the cache holds this very jar already, then trains the CDS archive
   * with the given environment (which must reach a running broker).
   */
  static ServiceImage prepare(
      ServiceKind kind, Path servicesDirectory, Path cache, Map<String, String> environment) {
    try {
      Path execJar = execJar(servicesDirectory, kind);
      Path home = cache.resolve(kind.artifact());
      Path stampFile = home.resolve("stamp");
      Path extracted = home.resolve("app");
      Path archive = home.resolve("app.jsa");
      String stamp =
          Files.size(execJar)
              + ":"
              + Files.getLastModifiedTime(execJar).toMillis()
              + ":"
              + Runtime.version();
      Path jar = extracted.resolve(execJar.getFileName());
      if (Files.exists(stampFile)
          && Files.readString(stampFile).equals(stamp)
          && Files.exists(jar)
          && Files.exists(archive)) {
        return new ServiceImage(kind, jar, archive);
      }
      deleteTree(home);
      Files.createDirectories(home);
      run(
          List.of(
              java(),
              "-Djarmode=tools",
              "-jar",
              execJar.toAbsolutePath().toString(),
              "extract",
              "--destination",
              extracted.toAbsolutePath().toString()),
          Map.of(),
          home.resolve("extract.log"));
      List<String> training = new ArrayList<>();
      training.add(java());
      training.addAll(JVM_OPTIONS);
      training.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
      training.add("-Dspring.context.exit=onRefresh");
      training.add("-jar");
      training.add(jar.toAbsolutePath().toString());
      Map<String, String> trainingEnvironment = new java.util.HashMap<>(environment);
      trainingEnvironment.put(kind.portVariable(), "0");
      run(training, trainingEnvironment, home.resolve("training.log"));
      Files.writeString(stampFile, stamp);
      return new ServiceImage(kind, jar, archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path execJar(Path directory, ServiceKind kind) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.startsWith(kind.artifact()) && name.endsWith("exec.jar");
              })
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no exec jar of "
                          + kind.artifact()
                          + " in "
                          + directory
                          + "; build with ./mvnw -B -q install -DskipTests -pl fault-campaign -am"));
    }
  }

  private static void run(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command + ", see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("failed: " + command + ", see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
