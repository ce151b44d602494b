package com.tttools.app.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A detail page's fields: labelled, grouped in page order, each value written by its row's format. */
class DetailFieldsTest {

    private final DetailFields fields = new DetailFields(new ListNumbers(), new StatusBadges());

    @Test
    void eachKnownDetailIsLabelledGroupedAndWrittenByItsRow() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("adText", "BUY_NOW today");
        details.put("budget", "1500.5");
        details.put("budgetMode", "BUDGET_MODE_DAY");
        details.put("objectiveType", "APP_PROMOTION");
        details.put("createTime", "2026-12-01 08:00:00");
        details.put("bidPrice", 2);
        details.put("placements", List.of("PLACEMENT_TIKTOK", "PLACEMENT_PANGLE"));
        details.put("isValid", true);
        details.put("somethingNew", "SOME_VALUE");
        details.put("country", "US");

        Map<String, List<DetailFields.Field>> grouped = fields.of(details, "USD", Locale.US);

        assertThat(grouped.keySet()).containsExactly("Delivery", "Budget and bidding", "Schedule", "Creative",
                "Other settings");
        assertThat(grouped.get("Delivery")).extracting(DetailFields.Field::label, DetailFields.Field::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Objective", "App promotion"),
                        org.assertj.core.groups.Tuple.tuple("Placements", "TikTok, Pangle"));
        assertThat(grouped.get("Budget and bidding")).extracting(DetailFields.Field::label, DetailFields.Field::text)
                .as("the mode folded into the budget")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Budget", "$1,500.50 / day"),
                        org.assertj.core.groups.Tuple.tuple("Bid", "$2.00"));
        assertThat(grouped.get("Schedule")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("Created at TikTok");
            assertThat(f.at()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        });
        assertThat(grouped.get("Creative")).singleElement()
                .satisfies(f -> assertThat(f.text()).as("verbatim").isEqualTo("BUY_NOW today"));
        assertThat(grouped.get("Other settings")).extracting(DetailFields.Field::key, DetailFields.Field::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("isValid", "Yes"),
                        org.assertj.core.groups.Tuple.tuple("somethingNew", "Some value"),
                        org.assertj.core.groups.Tuple.tuple("country", "US"));
        assertThat(grouped.get("Other settings").get(1).label()).isEqualTo("Something new");
    }

    @Test
    void aBudgetModeWithoutABudgetIsItsOwnFieldAndEmptyGroupsAreLeftOut() {
        Map<String, List<DetailFields.Field>> grouped = fields.of(Map.of("budgetMode", "BUDGET_MODE_TOTAL"), null,
                Locale.US);
        assertThat(grouped).containsOnlyKeys("Budget and bidding");
        assertThat(grouped.get("Budget and bidding")).singleElement()
                .satisfies(f -> assertThat(f.text()).isEqualTo("Lifetime"));
    }
}
