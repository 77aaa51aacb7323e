package io.leadgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * docs/configuration.md against the code: the properties it documents are exactly those of every
 * {@code @ConfigurationProperties} record under {@code io.leadgate} (nested records, lists and maps
 * of records included) and every {@code leadgate.*} {@code @Value}; every {@code leadgate.*} key a
 * service's yml sets is one of them, and the default the reference gives is the one the yml ships.
 */
class ConfigurationReferenceTest {

  private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
  private static final List<String> SERVICE_FILES =
      List.of(
          "capture-service.yml", "dedup-service.yml", "writer-service.yml", "budget-service.yml");

  /** Table cells, split at pipes that are not escaped ({@code \|} inside a cell). */
  private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(leadgate\\.[^:}]+)[:}]");

  private static Map<String, Row> documented;
  private static Set<Class<?>> propertyClasses;

  private record Row(String type, String defaultValue, String meaning) {}

  @BeforeAll
  static void readReferenceAndScanCode() throws IOException {
    documented = new TreeMap<>();
    for (String line : Files.readAllLines(REFERENCE)) {
      if (!line.startsWith("| `leadgate.")) {
        continue;
      }
      // | `name` | type | default | meaning |
      String[] cells = CELL_SEPARATOR.split(line);
      assertThat(cells).as(line).hasSize(5);
      String name = cells[1].strip().replace("`", "");
      Row previous =
          documented.put(name, new Row(cells[2].strip(), cells[3].strip(), cells[4].strip()));
      assertThat(previous).as("%s documented twice", name).isNull();
    }
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    propertyClasses = new java.util.LinkedHashSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.leadgate")) {
      propertyClasses.add(load(candidate.getBeanClassName()));
    }
  }

  @Test
  void everyServiceHasItsPropertiesFound() {
    // Guards the scan itself: an empty scan would make the other checks vacuous.
    assertThat(propertyClasses.stream().map(ConfigurationReferenceTest::prefixOf))
        .contains(
            "leadgate",
            "leadgate.capture",
            "leadgate.dedup",
            "leadgate.dedup.batch",
            "leadgate.writer",
            "leadgate.budget",
            "leadgate.dashboard");
    assertThat(propertyClasses).allMatch(Class::isRecord);
  }

  @Test
  void theReferenceDocumentsExactlyTheExistingProperties() throws IOException {
    Set<String> existing = new TreeSet<>();
    for (Class<?> properties : propertyClasses) {
      collect(prefixOf(properties), properties, existing);
    }
    existing.addAll(valueProperties());

    Set<String> missing = new TreeSet<>(existing);
    missing.removeAll(documented.keySet());
    Set<String> unknown = new TreeSet<>(documented.keySet());
    unknown.removeAll(existing);
    assertThat(existing)
        .contains("leadgate.writer.teams.*.fields[].from", "leadgate.health.timeout");
    assertThat(missing).as("in the code but not in docs/configuration.md").isEmpty();
    assertThat(unknown).as("in docs/configuration.md but not in the code").isEmpty();
    documented.forEach(
        (name, row) -> {
          assertThat(row.type()).as("type of %s", name).isNotBlank();
          assertThat(row.defaultValue()).as("default of %s", name).isNotBlank();
          assertThat(row.meaning()).as("meaning of %s", name).isNotBlank();
        });
  }

  @Test
  void everyLeadgateKeyInAServiceFileIsDocumentedWithTheDefaultItShips() throws IOException {
    for (String file : SERVICE_FILES) {
      Map<String, Object> yml;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as(file).isNotNull();
        yml = asWritten().load(in);
      }
      Map<String, Object> leaves = new TreeMap<>();
      flatten("", yml, leaves);
      leaves.entrySet().removeIf(entry -> !entry.getKey().startsWith("leadgate."));
      assertThat(leaves).as("leadgate settings in %s", file).isNotEmpty();
      leaves.forEach(
          (name, value) -> {
            assertThat(documented).as("%s sets %s", file, name).containsKey(name);
            String shipped = shippedDefault(value);
            if (shipped != null) {
              assertThat(documented.get(name).defaultValue())
                  .as("default of %s in %s", name, file)
                  .contains("`" + shipped + "`");
            }
          });
    }
  }

  /**
   * A YAML reader that keeps every scalar as the text written: YAML 1.1 would read {@code OFF} as
   * false, which Spring Boot turns back into the enum constant but a comparison would not.
   */
  private static Yaml asWritten() {
    LoaderOptions options = new LoaderOptions();
    Resolver stringsOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {}
        };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, stringsOnly);
  }

  /** The property names a record binds, in the kebab case configuration files use. */
  private static void collect(String prefix, Class<?> record, Set<String> names) {
    for (RecordComponent component : record.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      Type type = component.getGenericType();
      Class<?> raw = component.getType();
      if (isLeadgateRecord(raw)) {
        collect(name, raw, names);
      } else if (Collection.class.isAssignableFrom(raw)
          && isLeadgateRecord(typeArgument(type, 0))) {
        collect(name + "[]", (Class<?>) typeArgument(type, 0), names);
      } else if (Map.class.isAssignableFrom(raw) && isLeadgateRecord(typeArgument(type, 1))) {
        collect(name + ".*", (Class<?>) typeArgument(type, 1), names);
      } else {
        names.add(name);
      }
    }
  }

  /** {@code leadgate.*} placeholders of every {@code @Value} in Leadgate's own classes. */
  private static Set<String> valueProperties() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.leadgate")) {
      Class<?> type = load(candidate.getBeanClassName());
      List<Value> values = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        addIfPresent(field.getAnnotation(Value.class), values);
      }
      List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
      executables.addAll(List.of(type.getDeclaredMethods()));
      for (Executable executable : executables) {
        if (executable instanceof Method method) {
          addIfPresent(method.getAnnotation(Value.class), values);
        }
        for (Parameter parameter : executable.getParameters()) {
          addIfPresent(parameter.getAnnotation(Value.class), values);
        }
      }
      for (Value value : values) {
        Matcher placeholder = PLACEHOLDER.matcher(value.value());
        while (placeholder.find()) {
          names.add(placeholder.group(1));
        }
      }
    }
    return names;
  }

  private static void addIfPresent(Value value, List<Value> values) {
    if (value != null) {
      values.add(value);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object node, Map<String, Object> leaves) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) ->
              flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, leaves));
    } else if (node instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
      list.forEach(item -> flatten(prefix + "[]", item, leaves));
    } else {
      leaves.put(prefix, node);
    }
  }

  /** The value a yml entry ships when its environment variable is unset; null when none. */
  private static String shippedDefault(Object value) {
    if (value == null || value instanceof List<?>) {
      return null;
    }
    String text = value.toString();
    Matcher withDefault = Pattern.compile("^\\$\\{[A-Z0-9_]+:([^}]*)}$").matcher(text);
    if (withDefault.matches()) {
      return withDefault.group(1);
    }
    return text.matches("^\\$\\{[A-Z0-9_]+}$") ? null : text;
  }

  private static String prefixOf(Class<?> properties) {
    ConfigurationProperties annotation = properties.getAnnotation(ConfigurationProperties.class);
    return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
  }

  private static boolean isLeadgateRecord(Type type) {
    return type instanceof Class<?> c && c.isRecord() && c.getName().startsWith("io.leadgate.");
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      return parameterized.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Class<?> load(String name) {
    try {
      return ClassUtils.forName(name, ConfigurationReferenceTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }
}
