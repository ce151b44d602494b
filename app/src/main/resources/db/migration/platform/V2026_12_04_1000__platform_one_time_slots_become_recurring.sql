-- The hourly workspace purge and the 10-minute inventory slot were one-time tasks that scheduled their next slot
-- (instance id = the slot); they are db-scheduler recurring tasks now (instance id 'recurring', scheduled at
-- start-up). A leftover slot row would be run by the recurring task and then rescheduled as a second recurring
-- instance, so the slots go.
DELETE FROM scheduled_tasks
WHERE task_name IN ('tenancy-workspace-purge', 'inventory-scheduled-syncs') AND task_instance <> 'recurring';
