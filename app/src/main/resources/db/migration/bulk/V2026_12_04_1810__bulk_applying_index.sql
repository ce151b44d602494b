-- The change-set clock looks for change sets still APPLYING whose apply job has ended (failed after its retries,
-- cancelled or failed in the jobs module) to give them a final state; few rows are ever APPLYING.
CREATE INDEX bulk_change_sets_applying_idx ON bulk_change_sets (started_at) WHERE status = 'APPLYING';
