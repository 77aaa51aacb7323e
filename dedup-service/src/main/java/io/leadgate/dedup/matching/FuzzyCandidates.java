package io.leadgate.dedup.matching;

import io.leadgate.dedup.matching.DuplicateMatcher.FuzzyCandidate;
import io.leadgate.salesforce.Candidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The candidates of fuzzy name+company matching, per org and last name, kept across batches. In
 * BLUE mode a batch's search used to bring back every record sharing a last name with any capture
 * (thousands in a large org, the same ones batch after batch), and parsing and normalising them was
 * most of dedup's CPU. A last name searched once is now answered from here for {@code ttl}: the
 * batch's search carries only the exact keys and the last names not known yet.
 *
 * <p>What this can miss, for at most {@code ttl}: a record someone else created, renamed, converted
 * or deleted in Salesforce since its last name was searched. SOSL's index lags by minutes in real
 * orgs anyway, so a search would often have missed the newest records too. The records Leadgate
 * itself creates are added as soon as their creation is reported ({@link #created}), also to
 * searches that started before it: better than the index does. Exact keys are never answered from
 * here. Bounded by the number of candidates held; plain Java, thread-safe.
 */
public final class FuzzyCandidates {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private record Entry(List<FuzzyCandidate> candidates, Instant searchedAt) {}

  private record Pending(String orgId, FuzzyCandidate person, Instant at) {}

  private record Created(String orgId, List<String> terms, FuzzyCandidate record, Instant at) {}

  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  // org + '\n' + term -> what a search for that last name found, least recently used first
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private int held;
  private final LinkedHashMap<String, Pending> pending;
  // Records Leadgate created within ttl, by the terms they answer, for searches that raced them.
  private final Deque<Created> created = new ArrayDeque<>();
  private final Map<String, Map<String, FuzzyCandidate>> createdByTerm = new HashMap<>();

  /**
   * @param capacity how many candidates are held at most, over all orgs and last names
   * @param ttl how long a last name's candidates answer without a search
   */
  public FuzzyCandidates(int capacity, Duration ttl, Clock clock) {
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = clock;
    this.pending =
        new LinkedHashMap<>(256, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * A last name as the key of its candidates: its words (runs of letters and digits) in lower case,
   * joined by one space, as a search matches them; empty when it has no word.
   */
  public static Optional<String> term(String lastName) {
    if (lastName == null) {
      return Optional.empty();
    }
    String joined = String.join(" ", words(lastName));
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** The candidates of this last name in this org, if it was searched less than ttl ago. */
  public synchronized Optional<List<FuzzyCandidate>> find(String orgId, String term) {
    Entry entry = entries.get(orgId + '\n' + term);
    if (entry == null || !entry.searchedAt().plus(ttl).isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.candidates());
  }

  /**
   * What a search that started at {@code searchedAt} found for these last-name terms (among the
   * rest of its results): each term keeps the records whose first or last name holds its words, as
   * the search matched them, and the records Leadgate created since that the search may have
   * missed.
   */
  public synchronized void found(
      String orgId, Collection<String> terms, List<FuzzyCandidate> results, Instant searchedAt) {
    expireCreated();
    Map<String, Map<String, FuzzyCandidate>> membersByTerm = new HashMap<>();
    for (String term : terms) {
      membersByTerm.put(term, new LinkedHashMap<>());
    }
    // Each record is filed under the terms its names hold, once: testing every record against
    // every term cost terms x results string splits, for a burst's batch hundreds of thousands.
    for (FuzzyCandidate c : results) {
      for (String term : namesTerms(c.candidate())) {
        Map<String, FuzzyCandidate> members = membersByTerm.get(term);
        if (members != null) {
          members.putIfAbsent(c.candidate().id(), c);
        }
      }
    }
    for (String term : terms) {
      Map<String, FuzzyCandidate> members = membersByTerm.get(term);
      Map<String, FuzzyCandidate> fresh = createdByTerm.getOrDefault(orgId + '\n' + term, Map.of());
      fresh.forEach(members::putIfAbsent);
      put(orgId + '\n' + term, new Entry(List.copyOf(members.values()), searchedAt));
    }
  }

  /** This capture was sent to creation: its record becomes a candidate once it is created. */
  public synchronized void sentToCreate(String captureId, String orgId, FuzzyCandidate person) {
    pending.put(captureId, new Pending(orgId, person, clock.instant()));
  }

  /**
   * A capture's final state arrived: if it was created (with this id), the record joins the
   * candidates of its last name (and first name, for swapped names) wherever they are held.
   */
  public synchronized void finished(String captureId, Optional<String> createdId) {
    Pending p = pending.remove(captureId);
    if (p == null || createdId.isEmpty()) {
      return;
    }
    Candidate c = p.person().candidate();
    Candidate record =
        new Candidate(
            createdId.get().startsWith("003") ? "Contact" : "Lead",
            createdId.get(),
            c.firstName(),
            c.lastName(),
            c.email(),
            c.phone(),
            c.company(),
            c.linkedinUrl(),
            null,
            null);
    FuzzyCandidate person = new FuzzyCandidate(record, p.person().name());
    List<String> terms = namesTerms(c);
    Instant now = clock.instant();
    expireCreated();
    created.addLast(new Created(p.orgId(), terms, person, now));
    for (String term : terms) {
      String key = p.orgId() + '\n' + term;
      createdByTerm.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(record.id(), person);
      Entry entry = entries.get(key);
      if (entry != null) {
        List<FuzzyCandidate> grown = new ArrayList<>(entry.candidates());
        grown.add(person);
        put(key, new Entry(List.copyOf(grown), entry.searchedAt()));
      }
    }
  }

  /** How many candidates are held. */
  public synchronized int size() {
    return held;
  }

  private void put(String key, Entry entry) {
    Entry old = entries.put(key, entry);
    held += entry.candidates().size() - (old == null ? 0 : old.candidates().size());
    Iterator<Entry> eldest = entries.values().iterator();
    while (held > capacity && eldest.hasNext()) {
      Entry e = eldest.next();
      if (e == entry) {
        break;
      }
      held -= e.candidates().size();
      eldest.remove();
    }
  }

  private void expireCreated() {
    Instant oldest = clock.instant().minus(ttl);
    while (!created.isEmpty()
        && (created.peekFirst().at().isBefore(oldest) || created.size() > capacity)) {
      Created c = created.removeFirst();
      for (String term : c.terms()) {
        String key = c.orgId() + '\n' + term;
        Map<String, FuzzyCandidate> byId = createdByTerm.get(key);
        if (byId != null) {
          byId.remove(c.record().candidate().id());
          if (byId.isEmpty()) {
            createdByTerm.remove(key);
          }
        }
      }
    }
  }

  /** The terms a search matches this record's last or first name by, each once. */
  private static List<String> namesTerms(Candidate c) {
    Set<String> terms = new LinkedHashSet<>(termsOf(words(c.lastName())));
    terms.addAll(termsOf(words(c.firstName())));
    return List.copyOf(terms);
  }

  /** Every run of consecutive words: the terms whose search finds a name with these words. */
  private static List<String> termsOf(List<String> words) {
    List<String> terms = new ArrayList<>();
    for (int from = 0; from < words.size(); from++) {
      for (int to = from + 1; to <= words.size(); to++) {
        terms.add(String.join(" ", words.subList(from, to)));
      }
    }
    return terms;
  }

  private static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
