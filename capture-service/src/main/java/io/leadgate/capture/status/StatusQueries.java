package io.leadgate.capture.status;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.contracts.LeadStatusChanged;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Looks captures up with read-your-writes: a miss waits (briefly) for the view to reach the status
 * topic's current end before it counts as unknown, so a capture acknowledged by another replica a
 * moment ago is found here too.
 */
@Service
public class StatusQueries {

  private final StatusView view;
  private final StatusFeed feed;
  private final CaptureProperties properties;

  public StatusQueries(StatusView view, StatusFeed feed, CaptureProperties properties) {
    this.view = view;
    this.feed = feed;
    this.properties = properties;
  }

  /** The team's capture; another team's capture is as unknown as one that never existed. */
  public Optional<CaptureStatus> status(String teamId, String captureId) {
    return findConsistent(captureId)
        .filter(status -> status.teamId().equals(teamId))
        .map(CaptureStatus::of);
  }

  /**
   * The capture whichever team holds it, after catching up with the topic when it is not known yet.
   * Throws {@link ViewUnavailableException} when the topic's end cannot be learned in time.
   */
  public Optional<LeadStatusChanged> findConsistent(String captureId) {
    Optional<LeadStatusChanged> known = view.findAnyTeam(captureId);
    if (known.isPresent()) {
      return known;
    }
    try {
      feed.awaitCaughtUp().get(properties.readYourWritesWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewUnavailableException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewUnavailableException(e);
    }
    return view.findAnyTeam(captureId);
  }
}
