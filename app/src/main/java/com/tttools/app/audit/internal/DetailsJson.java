package com.tttools.app.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Details maps to and from JSON text, with the application's JSON mapper (java.time as ISO-8601). */
@Component
class DetailsJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper;

    DetailsJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, ?> details) {
        return mapper.writeValueAsString(details == null ? Map.of() : details);
    }

    Map<String, Object> read(String json) {
        return json == null ? Map.of() : mapper.readValue(json, MAP);
    }
}
