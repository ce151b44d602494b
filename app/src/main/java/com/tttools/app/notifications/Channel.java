package com.tttools.app.notifications;

/** The channels a notification can reach a user on. */
public enum Channel { IN_APP, EMAIL, TELEGRAM }
