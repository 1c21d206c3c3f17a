package com.avara.bench;

import com.avara.webhooks.Webhook;
import com.avara.webhooks.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One first verification in a fresh JVM: {@code ColdStart <ours|guide|standardwebhooks>
 * <secret> <body> <header name> <value>...}. The delivery comes from the arguments
 * (bench/coldstart.py signs it) so nothing but the verifier under test is loaded before
 * the clock starts. Prints the nanoseconds from building the verifier to the answer,
 * library loading included.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        String secret = args[1];
        byte[] body = args[2].getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 3; i + 1 < args.length; i += 2) {
            headers.put(args[i], List.of(args[i + 1]));
        }
        long start = System.nanoTime();
        boolean verified = switch (args[0]) {
            case "ours" -> Webhook.builder().secret(secret).build().unwrap(body, headers)
                    instanceof WebhookEvent.StudyAccessRequested;
            case "guide" -> new Guide(secret).receive(body, headers) != null;
            case "standardwebhooks" -> {
                new com.standardwebhooks.Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), headers);
                yield true;
            }
            default -> throw new IllegalArgumentException("unknown verifier " + args[0]);
        };
        long elapsed = System.nanoTime() - start;
        if (!verified) {
            throw new IllegalStateException(args[0] + " did not verify the delivery");
        }
        System.out.println(elapsed);
    }
}
