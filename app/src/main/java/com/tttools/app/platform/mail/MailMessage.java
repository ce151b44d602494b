package com.tttools.app.platform.mail;

/** One email: plain text and HTML alternatives of the same content. */
public record MailMessage(String to, String subject, String text, String html) {
}
