package io.leadgate.emulator.seed;

import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.RecordWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads orgs and their records from seed JSON:
 *
 * <pre>
 * {"orgs": [{ ...OrgSpec fields..., "users": [...],
 *             "records": {"Account": [...], "Lead": [...], "Contact": [...]}}]}
 * </pre>
 *
 * Record types load in file order, so accounts should precede the contacts that reference them.
 */
public final class SeedLoader {

  public static final String CLASSPATH_PREFIX = "classpath:";

  private final OrgRegistry orgs;
  private final JsonMapper json;

  public SeedLoader(OrgRegistry orgs, JsonMapper json) {
    this.orgs = orgs;
    this.json = json;
  }

  /** Loads a seed file from a path or a {@code classpath:} resource. */
  public List<OrgState> load(String location) {
    byte[] content;
    try {
      if (location.startsWith(CLASSPATH_PREFIX)) {
        String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
        ClassLoader loader = SeedLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException("seed resource not found: " + location);
          }
          content = in.readAllBytes();
        }
      } else {
        content = Files.readAllBytes(Path.of(location));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seed " + location, e);
    }
    Map<String, Object> root;
    try {
      root = json.readValue(content, Map.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "invalid seed JSON in " + location + ": " + e.getMessage(), e);
    }
    Object list = root.get("orgs");
    if (!(list instanceof List<?> entries)) {
      throw new IllegalArgumentException("seed " + location + " has no \"orgs\" array");
    }
    List<OrgState> created = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("each entry of \"orgs\" must be an object");
      }
      created.add(createOrg(castMap(map)));
    }
    return created;
  }

  /** Creates one org from an OrgSpec object that may also carry "records". */
  public OrgState createOrg(Map<String, Object> orgJson) {
    Map<String, Object> specJson = new LinkedHashMap<>(orgJson);
    Object records = specJson.remove("records");
    OrgSpec spec;
    try {
      spec = json.convertValue(specJson, OrgSpec.class);
    } catch (IllegalArgumentException | JacksonException e) {
      throw new IllegalArgumentException("invalid org spec: " + e.getMessage(), e);
    }
    OrgState org = orgs.create(spec);
    if (records != null) {
      if (!(records instanceof Map<?, ?> byType)) {
        throw new IllegalArgumentException("\"records\" must map sObject types to arrays");
      }
      for (Map.Entry<?, ?> typeEntry : byType.entrySet()) {
        seedAll(org, String.valueOf(typeEntry.getKey()), typeEntry.getValue());
      }
    }
    return org;
  }

  /** Seeds one record object or an array of them; returns the new ids. */
  public static List<String> seedAll(OrgState org, String type, Object recordOrArray) {
    List<?> items = recordOrArray instanceof List<?> l ? l : List.of(recordOrArray);
    return org.locked(
        () -> {
          RecordWriter writer = new RecordWriter(org);
          List<String> ids = new ArrayList<>();
          for (Object item : items) {
            if (!(item instanceof Map<?, ?> fields)) {
              throw new IllegalArgumentException(type + " records must be JSON objects");
            }
            ids.add(writer.seed(type, castMap(fields)));
          }
          return ids;
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
