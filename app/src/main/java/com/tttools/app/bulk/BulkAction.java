package com.tttools.app.bulk;

/** What a change set does to each entity. */
public enum BulkAction {
    PAUSE, ENABLE, DELETE, SET_BUDGET, CHANGE_BUDGET;

    public boolean changesBudget() {
        return this == SET_BUDGET || this == CHANGE_BUDGET;
    }
}
