package com.tttools.simulator.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Page-number paging with each endpoint's own default and maximum page size. */
public record Paging(int page, int pageSize) {

    public static Paging from(Params params, int defaultSize, int maxSize) {
        int page = params.intValue("page", 1);
        int size = params.intValue("page_size", defaultSize);
        if (page < 1) {
            throw ApiException.invalid("page: the value should be greater than or equal to 1.");
        }
        if (size < 1 || size > maxSize) {
            throw ApiException.invalid("page_size: the value should be between 1 and " + maxSize + ".");
        }
        return new Paging(page, size);
    }

    public int from(int total) {
        return (int) Math.min((long) (page - 1) * pageSize, total);
    }

    public int to(int total) {
        return (int) Math.min((long) page * pageSize, total);
    }

    public <T> List<T> slice(List<T> all) {
        return all.subList(from(all.size()), to(all.size()));
    }

    public Map<String, Object> info(int total, int emptyTotalPage) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("page", page);
        info.put("page_size", pageSize);
        info.put("total_number", total);
        info.put("total_page", total == 0 ? emptyTotalPage : (total + pageSize - 1) / pageSize);
        return info;
    }
}
