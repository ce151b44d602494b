/**
 * Outbound HTTP for every client the app runs (TikTok, e-mail providers, Telegram, exchange rates): one factory,
 * {@link com.tttools.app.platform.outbound.OutboundHttp}, builds them with no redirect following, their timeouts,
 * and the {@link com.tttools.app.platform.outbound.OutboundPolicy} that refuses private, loopback and link-local
 * targets unless configured as trusted. Exposed to feature modules as the {@code outbound} named interface.
 */
@org.springframework.modulith.NamedInterface("outbound")
package com.tttools.app.platform.outbound;
