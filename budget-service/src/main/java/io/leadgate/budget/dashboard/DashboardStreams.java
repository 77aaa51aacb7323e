package io.leadgate.budget.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dashboard streams, each bound to one org when it was opened. Every push interval, an org
 * whose dashboard changed gets its view sent to its own streams only: a stream never receives
 * another org's data. A stream without changes gets a comment every {@link #KEEP_ALIVE}, so a
 * browser that went away is noticed and its stream dropped.
 */
@Component
public class DashboardStreams implements SmartLifecycle {

  private static final java.time.Duration KEEP_ALIVE = java.time.Duration.ofSeconds(15);

  private record Stream(String orgId, SseEmitter emitter, long[] sentVersion, long[] sentAt) {}

  private final Dashboard dashboard;
  private final DashboardProperties properties;
  private final Clock clock;
  private final List<Stream> streams = new CopyOnWriteArrayList<>();

  DashboardStreams(Dashboard dashboard, DashboardProperties properties, Clock clock) {
    this.dashboard = dashboard;
    this.properties = properties;
    this.clock = clock;
  }

  public SseEmitter open(String orgId) {
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    Stream stream = new Stream(orgId, emitter, new long[] {-1}, new long[] {0});
    emitter.onCompletion(() -> streams.remove(stream));
    emitter.onTimeout(() -> streams.remove(stream));
    emitter.onError(e -> streams.remove(stream));
    streams.add(stream);
    push(stream); // the page shows the current state at once
    return emitter;
  }

  @Scheduled(fixedDelayString = "${leadgate.dashboard.push-interval}")
  void pushChanged() {
    Map<String, Long> versions = new ConcurrentHashMap<>();
    for (Stream stream : streams) {
      long version = versions.computeIfAbsent(stream.orgId(), dashboard::version);
      if (version != stream.sentVersion()[0]) {
        push(stream);
      } else if (clock.millis() - stream.sentAt()[0] > KEEP_ALIVE.toMillis()) {
        keepAlive(stream);
      }
    }
  }

  private void keepAlive(Stream stream) {
    try {
      stream.emitter().send(SseEmitter.event().comment("keep-alive"));
      stream.sentAt()[0] = clock.millis();
    } catch (IOException | IllegalStateException e) {
      streams.remove(stream);
    }
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends every stream before the web server's graceful shutdown, which would otherwise wait its
   * whole timeout for these never-ending responses. Browsers reconnect to another instance.
   */
  @Override
  public void stop() {
    running = false;
    streams.forEach(stream -> stream.emitter().complete());
    streams.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stopped first: the graceful shutdown of the web server runs in a lower phase.
    return SmartLifecycle.DEFAULT_PHASE;
  }

  private void push(Stream stream) {
    long version = dashboard.version(stream.orgId());
    try {
      stream
          .emitter()
          .send(
              SseEmitter.event()
                  .name("org")
                  .data(
                      dashboard.view(stream.orgId(), clock.instant()), MediaType.APPLICATION_JSON));
      stream.sentVersion()[0] = version;
      stream.sentAt()[0] = clock.millis();
    } catch (IOException | IllegalStateException e) {
      // The browser went away; the emitter's callbacks remove the stream.
      streams.remove(stream);
    }
  }
}
