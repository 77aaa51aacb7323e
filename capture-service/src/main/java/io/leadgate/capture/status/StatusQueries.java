package io.leadgate.capture.status;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.contracts.LeadStatusChanged;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    catchUp(List.of(captureId));
    return view.findAnyTeam(captureId);
  }

  /**
   * A status is about to be written: the value of its {@link StatusFeed#ORIGIN_HEADER}, so the feed
   * takes it as it is rather than parsing it when it reads it back.
   */
  public byte[] sending(LeadStatusChanged status) {
    return feed.sending(status);
  }

  /** A status registered with {@link #sending} was not (or may not have been) written. */
  public void notSent(LeadStatusChanged status) {
    feed.notSent(status);
  }

  /** Where Kafka put a capture's RECEIVED status (so the feed can check its partition rule). */
  public void written(String captureId, int partition) {
    feed.written(captureId, partition);
  }

  /**
   * Returns once the view holds every status that existed, when this was called, for any of these
   * capture ids (it waits only for the partitions holding them). Throws {@link
   * ViewUnavailableException} when the topic's end cannot be learned in time.
   */
  public void catchUp(Collection<String> captureIds) {
    await(askCatchUp(captureIds));
  }

  /**
   * Asks for a catch-up without waiting for it, so the caller can do other work while the end
   * offsets are on their way; {@link #await} it before trusting a miss.
   */
  public CompletableFuture<Void> askCatchUp(Collection<String> captureIds) {
    return feed.awaitCaughtUp(captureIds);
  }

  /**
   * Waits for a catch-up asked with {@link #askCatchUp}: afterwards the view holds every status
   * that existed, when it was asked, for its capture ids. Throws {@link ViewUnavailableException}
   * when the topic's end cannot be learned in time.
   */
  public void await(CompletableFuture<Void> caughtUp) {
    try {
      caughtUp.get(properties.readYourWritesWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewUnavailableException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewUnavailableException(e);
    }
  }
}
