package com.tttools.app.notifications.outbox;

/** Where a delivery stands: waiting (or retrying), handed to the provider, confirmed, bounced, or given up. */
public enum DeliveryStatus { QUEUED, SENT, DELIVERED, BOUNCED, FAILED }
