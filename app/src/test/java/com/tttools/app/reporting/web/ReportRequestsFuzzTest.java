package com.tttools.app.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.ValidationFailedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parser fuzz target for report requests' query parameters (security check 43): the reports API, its CSV, saved
 * views and the reporting page read their parameters through {@link ReportRequests#parse}. The input is a query
 * string as a browser sends it ({@code level=CAMPAIGN&from=2026-01-01&...}), so the committed corpus is readable:
 * {@code src/test/resources/com/tttools/app/reporting/web/ReportRequestsFuzzTestInputs/}.
 */
class ReportRequestsFuzzTest {

    private static final Set<String> FIELDS = Set.of("level", "from", "to", "metrics", "groupBy", "advertiserId",
            "campaignId", "adgroupId", "status", "q", "sort", "limit", "cursor");

    /**
     * Any query string is a report query within the documented bounds, or the declared refusal (422) naming only
     * parameters of the request; an accepted cursor is the offset it was issued for.
     */
    @FuzzTest
    void anyQueryStringIsABoundedQueryOrFieldProblems(byte[] input) {
        Map<String, List<String>> params = parameters(new String(input, StandardCharsets.UTF_8));
        String limitValue = first(params, "limit");
        int limit = limitValue != null && limitValue.matches("-?[0-9]{1,9}") ? Integer.parseInt(limitValue) : 50;
        ReportRequests.Params request = new ReportRequests.Params(first(params, "level"), first(params, "from"),
                first(params, "to"), first(params, "metrics"), first(params, "groupBy"), params.get("advertiserId"),
                params.get("campaignId"), params.get("adgroupId"), first(params, "status"), first(params, "q"),
                first(params, "sort"));
        ReportQuery query;
        try {
            query = ReportRequests.parse(request, limit, first(params, "cursor"));
        } catch (ValidationFailedException refused) {
            assertThat(refused.problems()).isNotEmpty();
            assertThat(refused.problems()).extracting(FieldProblem::field).allMatch(FIELDS::contains);
            return;
        }
        assertThat(query.level()).isNotNull();
        assertThat(query.from()).isBeforeOrEqualTo(query.to());
        assertThat(StorableValues.isStorable(query.from()) && StorableValues.isStorable(query.to())).isTrue();
        assertThat(query.to().toEpochDay() - query.from().toEpochDay() + 1).isLessThanOrEqualTo(ReportRequests.MAX_DAYS);
        assertThat(query.metrics()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(query.byDate() || query.byEntity()).isTrue();
        assertThat(query.limit()).isBetween(1, 500);
        assertThat(query.offset()).isNotNegative();
        for (List<String> ids : List.of(query.filters().advertiserIds(), query.filters().campaignIds(),
                query.filters().adgroupIds())) {
            assertThat(ids).hasSizeLessThanOrEqualTo(100).allMatch(id -> ReportRequests.TIKTOK_ID.matcher(id).matches());
        }
        assertThat(query.filters().status()).satisfiesAnyOf(
                status -> assertThat(status).isNull(),
                status -> assertThat(status).matches(ReportRequests.STATUS));
        assertThat(StorableValues.isStorable(query.filters().name())).as("the name filter reaches SQL").isTrue();
        // the next page's cursor reads back as the next page
        long next = (long) query.offset() + query.limit();
        if (next <= Integer.MAX_VALUE) {
            assertThat(ReportRequests.parse(request, limit, ReportRequests.encode((int) next)).offset()).isEqualTo(next);
        }
    }

    /** Parameters as the servlet container reads them; a parameter whose escapes do not decode is dropped. */
    static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformedEscape) {
                // dropped, as Tomcat drops it
            }
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? null : values.get(0);
    }
}
