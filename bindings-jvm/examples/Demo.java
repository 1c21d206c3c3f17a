import com.avara.webhooks.model.*;
import com.avara.webhooks.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies and unwraps the delivery the Rust demo wrote, then prints one line.
 *
 * <p>{@code java -cp <avara-java jar>:<its dependencies> Demo.java target/demo/delivery.json}
 */
public class Demo {
    public static void main(String[] args) throws Exception {
        JsonNode delivery = new ObjectMapper().readTree(new File(args.length > 0 ? args[0] : "target/demo/delivery.json"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (JsonNode line : delivery.path("headers")) {
            headers.computeIfAbsent(line.get(0).asText(), name -> new ArrayList<>()).add(line.get(1).asText());
        }
        byte[] body = delivery.path("body").asText().getBytes(StandardCharsets.UTF_8);

        try (Webhook webhook = Webhook.builder().secret(delivery.path("secret").asText()).build()) {
            Verified verified = webhook.verify(body, headers);
            if (!(webhook.unwrap(body, headers) instanceof WebhookEvent.StudyAccessRequested event)) {
                throw new IllegalStateException("the sample is a study.access_requested delivery");
            }
            System.out.printf("%-8sverified study.access_requested %s for %s (scheme %s, secret #%d)%n",
                    "jvm", event.getId(), event.getData().getStudyId(),
                    verified.getScheme().name().toLowerCase(Locale.ROOT), verified.getSecretIndex());
        }
    }
}
