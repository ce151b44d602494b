package com.tttools.simulator.core;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's own JSON mapper: plain Java maps and lists in, bytes out, so no model classes are shared. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new ApiException(ApiException.INVALID_PARAM, "Invalid JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object parsed = parse(text);
        if (parsed instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ApiException(ApiException.INVALID_PARAM, "A JSON object was expected.");
    }

    public static List<?> parseArray(String text) {
        Object parsed = parse(text);
        if (parsed instanceof List<?> list) {
            return list;
        }
        throw new ApiException(ApiException.INVALID_PARAM, "A JSON array was expected.");
    }

    public static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String string(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
