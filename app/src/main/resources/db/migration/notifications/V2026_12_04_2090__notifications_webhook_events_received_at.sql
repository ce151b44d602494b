-- Provider webhook event ids are purged once older than tttools.notifications.webhook-event-retention (7 days);
-- the purge finds them by receipt time. The table is small and stays on the coordinator (not distributed).
CREATE INDEX notification_webhook_events_received ON notification_webhook_events (received_at);
