package com.tttools.app.platform.web;

import com.tttools.app.shared.StorableValues;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses JSON strings PostgreSQL cannot store (a NUL character, an unpaired surrogate) while request bodies are
 * read, for records and untyped maps alike: the body is then "not valid JSON of the expected shape" (422) instead
 * of a database error (500). Spring Boot adds every Jackson module bean to the application's mapper.
 */
@Component
class StorableTextModule extends SimpleModule {

    StorableTextModule() {
        super("storable-text");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (!StorableValues.isStorable(value)) {
                // the value itself is never put in the message: it may be a password
                return ctxt.reportInputMismatch(String.class, "text with a NUL character or an unpaired surrogate");
            }
            return value;
        }
    }
}
