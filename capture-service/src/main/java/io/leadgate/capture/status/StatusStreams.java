package io.leadgate.capture.status;

import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens a team's Server-Sent Events stream of status changes. Each event's id is the feed's
 * position right after it; with Last-Event-ID the stream first replays the team's captures whose
 * status changed since that position (the latest status of each: a status stream needs the current
 * state, not every step), then goes live without a gap. Any replica can resume any client: the
 * position is in the topic's offsets.
 */
@Service
public class StatusStreams {

  /** Clients reconnect after this; long enough to be cheap, short enough to drop dead clients. */
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private final StatusFeed feed;
  private final StatusStream stream;

  public StatusStreams(StatusFeed feed, StatusStream stream) {
    this.feed = feed;
    this.stream = stream;
  }

  public SseEmitter open(String teamId, String lastEventId) {
    StatusPosition since = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      since =
          StatusPosition.parse(lastEventId.trim())
              .orElseThrow(() -> new InvalidLastEventIdException());
    }
    SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    StatusStream.Subscriber subscriber =
        StatusStream.subscriber(
            change -> emitter.send(event(change.status(), change.position())),
            () -> emitter.send(SseEmitter.event().comment("keep-alive")),
            emitter::complete);
    emitter.onCompletion(() -> stream.remove(subscriber));
    emitter.onTimeout(() -> stream.remove(subscriber));
    emitter.onError(error -> stream.remove(subscriber));
    try {
      emitter.send(SseEmitter.event().comment("leadgate status stream").reconnectTime(3_000));
    } catch (IOException e) {
      emitter.completeWithError(e);
      return emitter;
    }
    feed.subscribe(teamId, since, subscriber);
    return emitter;
  }

  private static SseEmitter.SseEventBuilder event(
      io.leadgate.contracts.LeadStatusChanged status, StatusPosition id) {
    return SseEmitter.event()
        .id(id.encode())
        .name("status")
        .data(CaptureStatus.of(status), MediaType.APPLICATION_JSON);
  }

  /** The client sent a Last-Event-ID this service never wrote. */
  public static class InvalidLastEventIdException extends RuntimeException {
    public InvalidLastEventIdException() {
      super("Last-Event-ID is not an id from this stream; reconnect without it.");
    }
  }
}
