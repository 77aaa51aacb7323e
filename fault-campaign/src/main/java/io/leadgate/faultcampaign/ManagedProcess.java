package io.leadgate.faultcampaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process the campaign starts, kills with SIGKILL, stops with SIGSTOP and
 * continues with SIGCONT, and starts again with the same command. Output is appended to one log
 * file across restarts, so a crash and the next start read in order.
 */
final class ManagedProcess {

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final Path log;
  private Process process;
  private boolean paused;

  ManagedProcess(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
    this.log = log;
  }

  String name() {
    return name;
  }

  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
      paused = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  synchronized boolean paused() {
    return paused;
  }

  /** SIGKILL (ProcessHandle.destroyForcibly on Unix), then waits for the process to be gone. */
  void kill() {
    Process victim;
    synchronized (this) {
      victim = process;
      paused = false;
    }
    if (victim == null) {
      return;
    }
    victim.destroyForcibly();
    awaitExit(victim);
  }

  /** SIGTERM, and SIGKILL when the process has not ended after a grace period. */
  void stop() {
    Process victim;
    synchronized (this) {
      victim = process;
    }
    if (victim == null || !victim.isAlive()) {
      return;
    }
    resume();
    victim.destroy();
    try {
      if (!victim.waitFor(20, TimeUnit.SECONDS)) {
        victim.destroyForcibly();
        awaitExit(victim);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      victim.destroyForcibly();
    }
  }

  /** SIGSTOP: the process keeps its sockets but answers nothing, as in a long GC pause. */
  synchronized void pause() {
    signal("STOP");
    paused = true;
  }

  synchronized void resume() {
    if (paused) {
      signal("CONT");
      paused = false;
    }
  }

  private void signal(String signal) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " of " + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitExit(Process victim) {
    try {
      victim.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
