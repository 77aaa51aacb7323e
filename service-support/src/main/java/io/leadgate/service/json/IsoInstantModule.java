package io.leadgate.service.json;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads and writes {@link Instant}s through {@link IsoInstant}: the same text as Jackson's own
 * java.time support, at a fraction of the cost. Anything else (numbers, other ISO forms, errors,
 * timestamps when a mapper writes dates as numbers) goes to Jackson's own serializers, unchanged.
 */
public final class IsoInstantModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  public IsoInstantModule() {
    super("leadgate-iso-instant");
    addDeserializer(Instant.class, new Reader());
    addSerializer(Instant.class, new Writer());
  }

  private static final class Reader extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() == JsonToken.VALUE_STRING
          && !context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ)) {
        Instant instant = IsoInstant.parse(parser.getString());
        if (instant != null) {
          return instant;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    @Override
    public Class<?> handledType() {
      return Instant.class;
    }
  }

  private static final class Writer extends ValueSerializer<Instant> {

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
      if (context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          || context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)) {
        InstantSerializer.INSTANCE.serialize(value, generator, context);
      } else {
        generator.writeString(IsoInstant.format(value));
      }
    }

    @Override
    public Class<?> handledType() {
      return Instant.class;
    }
  }
}
