package io.leadgate.dedup.check;

import io.leadgate.dedup.BatchProperties;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The threads that look up the orgs of one poll side by side ({@code
 * leadgate.dedup.batch.org-concurrency}), shared by the consumer threads. Not an {@link Executor}
 * bean itself, so that nothing else in the context picks it up as the application's executor.
 */
@Component
class OrgCheckThreads implements AutoCloseable {

  private final ExecutorService threads;

  OrgCheckThreads(BatchProperties batch) {
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            batch.orgConcurrency(),
            work -> {
              Thread thread = new Thread(work, "dedup-org-check-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  Executor executor() {
    return threads;
  }

  @Override
  public void close() {
    threads.shutdown();
  }
}
