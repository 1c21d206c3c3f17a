/**
 * Avara webhooks for Java: {@link com.avara.webhooks.Webhook} verifies and parses
 * deliveries, the {@code *Responses} classes (such as
 * {@link com.avara.webhooks.StudyAccessRequestedResponses}) build the answers, and
 * {@link com.avara.webhooks.WebhookVerificationException} carries every failure's stable
 * code.
 *
 * <p>Events, responses and {@code Verified} are the generated records of
 * {@code com.avara.webhooks.model}: read them with getters ({@code getId()},
 * {@code getData().getStudyId()}). {@code WebhookEvent} is sealed; test its subclasses
 * with {@code instanceof} (or a pattern-matching {@code switch} on Java 21), and keep a
 * branch for {@code WebhookEvent.Unknown}, which carries event types newer than this SDK.
 * Import both packages ({@code com.avara.webhooks.*} and {@code com.avara.webhooks.model.*});
 * no simple name is declared in both. The native code runs inside the jar's bundled
 * library; no system setup is needed.
 */
package com.avara.webhooks;
