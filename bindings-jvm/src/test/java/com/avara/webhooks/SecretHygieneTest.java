package com.avara.webhooks;

import static com.avara.webhooks.Deliveries.BODY;
import static com.avara.webhooks.Deliveries.OTHER_SECRET;
import static com.avara.webhooks.Deliveries.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No secret, nor any part of one, shows up in toString() or in an exception. */
class SecretHygieneTest {
    private static void assertNoSecret(String text, String secret) {
        assertFalse(text.contains(secret), "secret leaked: " + text);
        assertFalse(text.contains(secret.substring(0, 12)), "secret prefix leaked: " + text);
        assertFalse(text.contains(secret.substring(secret.length() - 12)), "secret suffix leaked: " + text);
    }

    private static String everything(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return error + "\n" + error.getMessage() + "\n" + trace;
    }

    @Test
    void toStringShowsNoSecret() {
        Webhook.Builder builder = Webhook.builder().secrets(List.of(SECRET, OTHER_SECRET));
        assertNoSecret(builder.toString(), SECRET);
        try (Webhook webhook = builder.build()) {
            assertNoSecret(webhook.toString(), SECRET);
            assertNoSecret(webhook.toString(), OTHER_SECRET);
        }
    }

    @Test
    void rejectedSecretsAreNotQuoted() {
        for (String bad : List.of(" " + SECRET, SECRET + "\n", SECRET.substring(0, 31) + "\t")) {
            WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                    () -> Webhook.builder().secret(bad).build());
            assertNoSecret(everything(error), SECRET.substring(0, 31));
        }
        WebhookVerificationException rotation = assertThrows(WebhookVerificationException.class,
                () -> Webhook.builder().secrets(List.of(SECRET, OTHER_SECRET + " ")).build());
        assertNoSecret(everything(rotation), SECRET);
        assertNoSecret(everything(rotation), OTHER_SECRET);
    }

    @Test
    void verificationFailuresDoNotQuoteTheSecret() {
        try (Webhook webhook = Webhook.builder().secret(SECRET).build()) {
            for (var headers : List.of(Deliveries.headers(), Deliveries.headers(OTHER_SECRET, 1L, BODY))) {
                WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                        () -> webhook.verify("{}".getBytes(), headers));
                assertNoSecret(everything(error), SECRET);
            }
        }
        WebhookVerificationException surrogate = assertThrows(WebhookVerificationException.class,
                () -> Webhook.builder().secret(SECRET + "\uD800").build());
        assertEquals("invalid_secret", surrogate.getCode());
        assertNoSecret(everything(surrogate), SECRET);
    }
}
