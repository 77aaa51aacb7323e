package io.leadgate.salesforce;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.DuplicateError;
import com.sforce.soap.partner.DuplicateResult;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.MatchRecord;
import com.sforce.soap.partner.MatchResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.SearchRecord;
import com.sforce.soap.partner.SearchResult;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import com.sforce.ws.SoapFaultException;
import io.leadgate.salesforce.auth.AccessToken;
import io.leadgate.salesforce.auth.ClientCredentialsTokenSource;
import io.leadgate.salesforce.auth.TokenSource;
import io.leadgate.salesforce.soql.Soql;
import io.leadgate.salesforce.soql.Sosl;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * One org's Salesforce, in Leadgate's terms: find candidate duplicates for a batch of identity
 * keys, and create a batch of records. The only class that touches WSC.
 *
 * <p>WSC's {@link PartnerConnection} is not thread-safe (it keeps response headers such as the
 * LimitInfoHeader as mutable state), so calls borrow a connection from a small pool and read the
 * header on the same thread right after the call. Every connection shares one OAuth access token,
 * renewed once for all when the session expires.
 */
public final class SalesforceClient implements AutoCloseable {

  public static final String API_VERSION = "65.0";
  public static final int MAX_CREATE_BATCH = 200;

  /** The text between FIND's braces; Salesforce caps a search term list well above this. */
  private static final int MAX_FIND_CHARS = 4_000;

  private static final String PARTNER_NS = "urn:partner.soap.sforce.com";
  private static final Pattern DUPLICATE_VALUE =
      Pattern.compile("duplicate value found: (\\S+) duplicates value on record with id: (\\w+)");

  private final SalesforceSettings settings;
  private final TokenSource tokens;
  private final Consumer<ApiUsage> usageListener;
  private final Clock clock;
  private final BlockingQueue<PartnerConnection> pool;
  private AccessToken token;

  public SalesforceClient(
      SalesforceSettings settings, TokenSource tokens, Consumer<ApiUsage> usageListener) {
    this(settings, tokens, Clock.systemUTC(), usageListener);
  }

  /**
   * @param clock stamps {@link ApiUsage#requestedAt}; budget-service compares it with its own
   *     clock, so both must tell the same time
   */
  public SalesforceClient(
      SalesforceSettings settings,
      TokenSource tokens,
      Clock clock,
      Consumer<ApiUsage> usageListener) {
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
    this.usageListener = usageListener;
    this.pool = new ArrayBlockingQueue<>(settings.connections());
  }

  /** A client that authenticates with the OAuth client-credentials flow. */
  public static SalesforceClient withClientCredentials(
      SalesforceSettings settings, Consumer<ApiUsage> usageListener) {
    return withClientCredentials(settings, Clock.systemUTC(), usageListener);
  }

  /** The same, stamping usage readings with {@code clock}. */
  public static SalesforceClient withClientCredentials(
      SalesforceSettings settings, Clock clock, Consumer<ApiUsage> usageListener) {
    return new SalesforceClient(
        settings,
        new ClientCredentialsTokenSource(
            settings.loginUrl(),
            settings.clientId(),
            settings.clientSecret(),
            settings.connectTimeout()),
        clock,
        usageListener);
  }

  public String orgId() {
    return settings.orgId();
  }

  /**
   * Looks up every Lead (not converted) and Contact that shares an e-mail, LinkedIn URL or phone
   * with the batch: one query per object (more only when the keys overflow one statement), each
   * bringing the owner's name and e-mail along as relationship fields.
   */
  public CandidateResult findCandidates(CandidateQuery query) {
    if (query.isEmpty()) {
      return new CandidateResult(List.of(), 0);
    }
    // By id: when the keys are split over several statements, a record matching keys in two of
    // them comes back twice, but it is one candidate.
    Map<String, Candidate> found = new LinkedHashMap<>();
    int calls = 0;
    for (String object : List.of("Contact", "Lead")) {
      for (String where : keyConditions(query)) {
        String soql = selectCandidates(object) + " WHERE " + where;
        if (object.equals("Lead")) {
          soql = selectCandidates(object) + " WHERE IsConverted = false AND (" + where + ")";
        }
        QueryOutcome outcome = query(soql);
        calls += outcome.calls();
        for (SObject record : outcome.records()) {
          Candidate candidate = toCandidate(object, record);
          found.putIfAbsent(candidate.id(), candidate);
        }
      }
    }
    return new CandidateResult(List.copyOf(found.values()), calls);
  }

  /**
   * Looks up the same candidates as {@link #findCandidates} with SOSL: one search covers Leads (not
   * converted) and Contacts together, so a batch costs one call instead of two. E-mails, LinkedIn
   * profile slugs and last names are searched in all fields; phones, when present, in phone fields
   * by a second search. SOSL's index lags behind recent writes (minutes in real orgs), which
   * callers cover with what they have seen themselves.
   */
  public CandidateResult searchCandidates(CandidateQuery query) {
    Map<String, Candidate> found = new LinkedHashMap<>();
    int calls = 0;
    for (String sosl : searches(query)) {
      SearchResult result = call(connection -> connection.search(sosl));
      calls++;
      for (SearchRecord hit : result.getSearchRecords()) {
        SObject record = hit.getRecord();
        Candidate candidate = toCandidate(record.getType(), record);
        found.putIfAbsent(candidate.id(), candidate);
      }
    }
    return new CandidateResult(List.copyOf(found.values()), calls);
  }

  /** The calls {@link #searchCandidates} will spend on this query. */
  public int callsToSearch(CandidateQuery query) {
    return searches(query).size();
  }

  private List<String> searches(CandidateQuery query) {
    List<String> terms = new ArrayList<>();
    terms.addAll(new java.util.TreeSet<>(query.emails()));
    query.linkedinUrls().stream()
        .map(SalesforceClient::profileSlug)
        .filter(slug -> !slug.isBlank())
        .sorted()
        .distinct()
        .forEach(terms::add);
    terms.addAll(new java.util.TreeSet<>(query.lastNames()));
    String returning = " RETURNING " + searchReturning("Contact") + ", " + searchReturning("Lead");
    List<String> searches = new ArrayList<>();
    for (String clause : Sosl.findClauses(terms, MAX_FIND_CHARS)) {
      searches.add("FIND {" + clause + "} IN ALL FIELDS" + returning);
    }
    List<String> phoneDigits =
        query.phones().stream().map(SalesforceClient::nationalDigits).sorted().distinct().toList();
    for (String clause : Sosl.findClauses(phoneDigits, MAX_FIND_CHARS)) {
      searches.add("FIND {" + clause + "} IN PHONE FIELDS" + returning);
    }
    return searches;
  }

  private String searchReturning(String object) {
    String fields = selectCandidates(object).substring("SELECT ".length());
    fields = fields.substring(0, fields.lastIndexOf(" FROM "));
    return object.equals("Lead")
        ? "Lead(" + fields + " WHERE IsConverted = false)"
        : object + "(" + fields + ")";
  }

  /**
   * The last ten digits of an E.164 number: what the org's phone fields hold however they were
   * typed ("(415) 555-0100", "020 7946 0018"), without the country code and trunk prefix.
   */
  private static String nationalDigits(String e164) {
    String digits = e164.replaceAll("[^0-9]", "");
    return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
  }

  /** The profile's own segment of a canonical LinkedIn URL, the part SOSL can find as a word. */
  private static String profileSlug(String canonicalUrl) {
    String path = canonicalUrl.replaceAll("/+$", "");
    int pub = path.indexOf("/pub/");
    if (pub >= 0) {
      String rest = path.substring(pub + 5);
      int slash = rest.indexOf('/');
      return slash < 0 ? rest : rest.substring(0, slash);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The calls {@link #findCandidates} will spend on this query, before any queryMore. */
  public int callsToFind(CandidateQuery query) {
    return query.isEmpty() ? 0 : 2 * keyConditions(query).size();
  }

  /** Creates up to {@value #MAX_CREATE_BATCH} records in one call; one outcome per record. */
  public List<CreateOutcome> create(List<NewRecord> records) {
    return create(records, CreateOptions.defaults());
  }

  /**
   * Creates up to {@value #MAX_CREATE_BATCH} records in one call, optionally letting the org's
   * default assignment rule choose the owners; one outcome per record.
   */
  public List<CreateOutcome> create(List<NewRecord> records, CreateOptions options) {
    if (records.isEmpty()) {
      return List.of();
    }
    if (records.size() > MAX_CREATE_BATCH) {
      throw new IllegalArgumentException(
          "Salesforce creates at most " + MAX_CREATE_BATCH + " records per call");
    }
    SObject[] sObjects = records.stream().map(SalesforceClient::toSObject).toArray(SObject[]::new);
    SaveResult[] results =
        call(
            connection -> {
              // Never save past the org's duplicate rules, and report the matches they find.
              connection.setDuplicateRuleHeader(false, true, false);
              // Pooled connections keep their headers, so the choice is made on every call.
              if (options.useDefaultAssignmentRule()) {
                connection.setAssignmentRuleHeader(null, true);
              } else {
                connection.clearAssignmentRuleHeader();
              }
              return connection.create(sObjects);
            });
    List<CreateOutcome> outcomes = new ArrayList<>(results.length);
    for (SaveResult result : results) {
      outcomes.add(toOutcome(result));
    }
    return outcomes;
  }

  /**
   * Looks up records of one object by Leadgate's person key and/or by id, with their owners, in one
   * query (more only when the keys overflow one statement). Used to resolve a refused duplicate to
   * the record that holds the key, and to find out whether a create whose answer was lost had
   * committed.
   */
  public Found<ExistingRecord> findExisting(
      String object, Collection<String> personKeys, Collection<String> ids) {
    if (personKeys.isEmpty() && ids.isEmpty()) {
      return new Found<>(List.of(), 0);
    }
    int budget = Math.max(500, settings.maxQueryChars() - 300);
    List<String> conditions = new ArrayList<>();
    addInConditions(
        conditions, settings.personKeyField(), new java.util.TreeSet<>(personKeys), budget);
    addInConditions(conditions, "Id", new java.util.TreeSet<>(ids), budget);
    String select =
        "SELECT Id, " + settings.personKeyField() + ", Owner.Name, Owner.Email FROM " + object;
    Map<String, ExistingRecord> found = new LinkedHashMap<>();
    int calls = 0;
    for (String condition : joinWithOr(conditions, budget)) {
      QueryOutcome outcome = query(select + " WHERE " + condition);
      calls += outcome.calls();
      for (SObject record : outcome.records()) {
        found.putIfAbsent(
            record.getId(),
            new ExistingRecord(
                object,
                record.getId(),
                text(record, settings.personKeyField()),
                childText(record, "Owner", "Name"),
                childText(record, "Owner", "Email")));
      }
    }
    return new Found<>(List.copyOf(found.values()), calls);
  }

  /**
   * Finds Accounts whose Website mentions one of the given domains (e.g. {@code acme.example}), in
   * one query per statement's worth of domains. Callers decide which match a domain really names (a
   * LIKE also finds {@code notacme.example}).
   */
  public Found<AccountMatch> findAccountsByWebsite(Collection<String> domains) {
    if (domains.isEmpty()) {
      return new Found<>(List.of(), 0);
    }
    int budget = Math.max(500, settings.maxQueryChars() - 300);
    List<String> conditions = new ArrayList<>();
    for (String domain : new java.util.TreeSet<>(domains)) {
      conditions.add("Website LIKE " + Soql.quoteLikeContains(domain));
    }
    List<String> statements = joinWithOr(conditions, budget);
    Map<String, AccountMatch> found = new LinkedHashMap<>();
    int calls = 0;
    for (String where : statements) {
      QueryOutcome outcome = query("SELECT Id, Name, Website FROM Account WHERE " + where);
      calls += outcome.calls();
      for (SObject record : outcome.records()) {
        found.putIfAbsent(
            record.getId(),
            new AccountMatch(record.getId(), text(record, "Name"), text(record, "Website")));
      }
    }
    return new Found<>(List.copyOf(found.values()), calls);
  }

  @Override
  public void close() {
    pool.clear();
  }

  /** Joins conditions with OR into as few WHERE clauses as fit {@code budget} characters. */
  private static List<String> joinWithOr(List<String> conditions, int budget) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String condition : conditions) {
      if (current.length() > 0 && current.length() + condition.length() + 4 > budget) {
        statements.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(" OR ");
      }
      current.append(condition);
    }
    if (current.length() > 0) {
      statements.add(current.toString());
    }
    return statements;
  }

  private List<String> keyConditions(CandidateQuery query) {
    // Each key set gets its share of the statement budget; the fixed SELECT part stays well below.
    int budget = Math.max(500, settings.maxQueryChars() - 600);
    List<String> conditions = new ArrayList<>();
    addInConditions(conditions, "Email", query.emails(), budget);
    addInConditions(conditions, settings.linkedinField(), query.linkedinUrls(), budget);
    addInConditions(conditions, "Phone", query.phones(), budget);
    addInConditions(conditions, "LastName", query.lastNames(), budget);
    if (conditions.size() <= 1) {
      return conditions;
    }
    // Combine the per-key conditions into as few statements as fit.
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String condition : conditions) {
      if (current.length() > 0 && current.length() + condition.length() + 4 > budget) {
        statements.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(" OR ");
      }
      current.append(condition);
    }
    statements.add(current.toString());
    return statements;
  }

  private static void addInConditions(
      List<String> conditions, String field, java.util.Set<String> values, int budget) {
    if (values.isEmpty()) {
      return;
    }
    for (List<String> chunk : Soql.chunkForIn(values.stream().sorted().toList(), budget)) {
      conditions.add(Soql.in(field, chunk));
    }
  }

  private String selectCandidates(String object) {
    String company = object.equals("Lead") ? "Company" : "Account.Name";
    return "SELECT Id, FirstName, LastName, Email, Phone, "
        + company
        + ", "
        + settings.linkedinField()
        + ", Owner.Name, Owner.Email FROM "
        + object;
  }

  private Candidate toCandidate(String object, SObject record) {
    String company =
        object.equals("Lead") ? text(record, "Company") : childText(record, "Account", "Name");
    return new Candidate(
        object,
        record.getId(),
        text(record, "FirstName"),
        text(record, "LastName"),
        text(record, "Email"),
        text(record, "Phone"),
        company,
        text(record, settings.linkedinField()),
        childText(record, "Owner", "Name"),
        childText(record, "Owner", "Email"));
  }

  private static String text(SObject record, String field) {
    Object value = record.getField(field);
    return value == null ? null : value.toString();
  }

  private static String childText(SObject record, String relationship, String field) {
    var child = record.getChild(relationship);
    if (child == null) {
      return null;
    }
    Object value = child.getField(field);
    return value == null ? null : value.toString();
  }

  private record QueryOutcome(List<SObject> records, int calls) {}

  private QueryOutcome query(String soql) {
    List<SObject> records = new ArrayList<>();
    QueryResult result = call(connection -> connection.query(soql));
    int calls = 1;
    records.addAll(Arrays.asList(result.getRecords()));
    while (!result.isDone()) {
      String locator = result.getQueryLocator();
      result = call(connection -> connection.queryMore(locator));
      calls++;
      records.addAll(Arrays.asList(result.getRecords()));
    }
    return new QueryOutcome(records, calls);
  }

  private static SObject toSObject(NewRecord record) {
    SObject sObject = new SObject(record.object());
    // Sorted so that the request is the same bytes for the same record.
    new java.util.TreeMap<>(record.fields()).forEach(sObject::setField);
    return sObject;
  }

  private static CreateOutcome toOutcome(SaveResult result) {
    if (result.isSuccess()) {
      return new CreateOutcome.Created(result.getId());
    }
    com.sforce.soap.partner.Error error = result.getErrors()[0];
    if (error instanceof DuplicateError duplicate) {
      DuplicateResult duplicates = duplicate.getDuplicateResult();
      List<CreateOutcome.Match> matches = new ArrayList<>();
      for (MatchResult matchResult : duplicates.getMatchResults()) {
        for (MatchRecord matchRecord : matchResult.getMatchRecords()) {
          SObject matched = matchRecord.getRecord();
          matches.add(
              new CreateOutcome.Match(
                  matchResult.getEntityType(), matched.getId(), matchRecord.getMatchConfidence()));
        }
      }
      return new CreateOutcome.DuplicatesDetected(duplicates.getDuplicateRule(), matches);
    }
    String code = String.valueOf(error.getStatusCode());
    if (code.equals("DUPLICATE_VALUE")) {
      Matcher matcher = DUPLICATE_VALUE.matcher(String.valueOf(error.getMessage()));
      if (matcher.find()) {
        return new CreateOutcome.DuplicateValue(
            matcher.group(1), matcher.group(2), error.getMessage());
      }
    }
    return new CreateOutcome.Rejected(
        code,
        error.getMessage(),
        List.of(error.getFields() == null ? new String[0] : error.getFields()));
  }

  @FunctionalInterface
  private interface Call<T> {
    T on(PartnerConnection connection) throws ConnectionException;
  }

  private <T> T call(Call<T> call) {
    PartnerConnection connection = borrow();
    boolean healthy = true;
    try {
      connection.clearLimitInfoHeader();
      // Taken before the request leaves: Salesforce counts the usage it reports no earlier.
      Instant requestedAt = clock.instant();
      T result = call.on(connection);
      reportUsage(connection.getLimitInfoHeader(), requestedAt);
      return result;
    } catch (ApiFault fault) {
      throw translate(fault.getExceptionCode(), fault.getExceptionMessage(), fault);
    } catch (SoapFaultException fault) {
      throw translate(null, fault.getFaultCode().getLocalPart() + ": " + fault.getMessage(), fault);
    } catch (ConnectionException e) {
      healthy = false;
      throw new SalesforceException.Transient("Salesforce call failed: " + e.getMessage(), e);
    } catch (SalesforceException e) {
      // Thrown by our own SessionRenewer (the token source) from inside WSC: already typed, and
      // the connection is fine; it will renew again on its next use.
      throw e;
    } catch (RuntimeException e) {
      // WSC reports unparseable responses (an HTML error page, a half-written body) as unchecked.
      healthy = false;
      throw new SalesforceException.Transient("Unreadable Salesforce response: " + e, e);
    } finally {
      if (healthy) {
        pool.offer(connection);
      }
    }
  }

  private SalesforceException translate(ExceptionCode code, String message, Exception cause) {
    String name = code != null ? code.name() : message.substring(0, message.indexOf(':'));
    return switch (name) {
      case "REQUEST_LIMIT_EXCEEDED" -> new SalesforceException.LimitExceeded(message);
      case "INVALID_SESSION_ID" -> new SalesforceException.SessionExpired(message, cause);
      case "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION" ->
          new SalesforceException.Transient(message, cause);
      default -> new SalesforceException.Permanent(name, message);
    };
  }

  private void reportUsage(LimitInfoHeader_element header, Instant requestedAt) {
    if (header == null || header.getLimitInfo() == null) {
      return;
    }
    for (LimitInfo info : header.getLimitInfo()) {
      if ("API REQUESTS".equals(info.getType())) {
        usageListener.accept(
            new ApiUsage(settings.orgId(), info.getCurrent(), info.getLimit(), requestedAt));
      }
    }
  }

  private PartnerConnection borrow() {
    PartnerConnection connection = pool.poll();
    if (connection != null) {
      return connection;
    }
    try {
      connection = newConnection();
    } catch (ConnectionException e) {
      throw new SalesforceException.Transient("Could not open a Salesforce connection", e);
    }
    return connection;
  }

  private PartnerConnection newConnection() throws ConnectionException {
    AccessToken current = currentToken();
    ConnectorConfig config = new ConnectorConfig();
    config.setSessionId(current.value());
    config.setServiceEndpoint(soapEndpoint(current));
    config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
    config.setReadTimeout((int) settings.readTimeout().toMillis());
    Renewer renewer = new Renewer();
    config.setSessionRenewer(renewer);
    PartnerConnection connection = Connector.newConnection(config);
    renewer.connection = connection;
    return connection;
  }

  private static String soapEndpoint(AccessToken token) {
    String base = token.instanceUrl().toString().replaceAll("/+$", "");
    return base + "/services/Soap/u/" + API_VERSION;
  }

  private synchronized AccessToken currentToken() {
    if (token == null) {
      token = tokens.fetch();
    }
    return token;
  }

  /** Replaces the token unless another connection already did since {@code stale} was issued. */
  private synchronized AccessToken renewedToken(String stale) {
    if (token == null || token.value().equals(stale)) {
      token = tokens.fetch();
    }
    return token;
  }

  /**
   * WSC calls this once when a call fails with an expired session, then retries the call with the
   * header it returns. The connection's own session header must be replaced too, or every later
   * call would send the stale id again.
   */
  private final class Renewer implements SessionRenewer {
    private PartnerConnection connection;

    @Override
    public SessionRenewalHeader renewSession(ConnectorConfig config) {
      AccessToken fresh = renewedToken(config.getSessionId());
      config.setSessionId(fresh.value());
      config.setServiceEndpoint(soapEndpoint(fresh));
      if (connection != null) {
        connection.setSessionHeader(fresh.value());
      }
      SessionHeader_element element = new SessionHeader_element();
      element.setSessionId(fresh.value());
      SessionRenewalHeader header = new SessionRenewalHeader();
      header.name = new QName(PARTNER_NS, "SessionHeader");
      header.headerElement = element;
      return header;
    }
  }
}
