package com.tttools.simulator.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Request parameters of one call: the query string (where TikTok JSON-encodes arrays and objects)
 * merged with a JSON body (POST). Body values win over query values.
 */
public final class Params {

    private final Map<String, String[]> query;
    private final Map<String, Object> body;

    public Params(Map<String, String[]> query, Map<String, Object> body) {
        this.query = query;
        this.body = body == null ? Collections.emptyMap() : body;
    }

    public Map<String, Object> body() {
        return body;
    }

    public boolean has(String name) {
        return raw(name) != null;
    }

    private Object raw(String name) {
        Object b = body.get(name);
        if (b != null) {
            return b;
        }
        String[] values = query.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    public String str(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : (value instanceof Number || value instanceof Boolean ? value.toString() : Json.string(value));
    }

    public String required(String name) {
        String value = str(name);
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(name + ": Missing data for required field.");
        }
        return value;
    }

    public int intValue(String name, int defaultValue) {
        Object value = raw(name);
        if (value == null || "".equals(value)) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name + ": Not a valid integer.");
        }
    }

    public Double number(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name + ": Not a valid number.");
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        Object value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.invalid(name + ": Not a valid boolean.");
    }

    /** A JSON array of ids or names; numbers are accepted and turned into strings. */
    public List<String> stringList(String name) {
        List<?> list = list(name);
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String) && !(o instanceof Number)) {
                throw ApiException.invalid(name + ": Not a valid list of strings.");
            }
            out.add(o.toString());
        }
        return out;
    }

    public List<?> list(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list;
        }
        try {
            return Json.parseArray(value.toString());
        } catch (ApiException e) {
            throw ApiException.invalid(name + ": Not a valid list (expected a JSON array).");
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        try {
            return Json.parseObject(value.toString());
        } catch (ApiException e) {
            throw ApiException.invalid(name + ": Not a valid JSON object.");
        }
    }
}
