package com.example.avara;

import com.avara.client.AvaraClient;
import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.webhooks.Webhook;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Creates studies, opens them in the Avara Viewer and answers Avara's webhooks. Reads
 * AVARA_API_KEY, AVARA_BASE_URL, AVARA_JWT_WEBHOOK_SECRET and PORT from the environment.
 */
@SpringBootApplication
public class AvaraExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(AvaraExampleApplication.class, args);
    }

    /** One client serves every request: it is thread-safe. */
    @Bean
    AvaraClient avaraClient() {
        return AvaraOkHttpClient.fromEnv();
    }

    @Bean(destroyMethod = "close")
    Webhook avaraWebhook() {
        return Webhook.builder().secret(System.getenv("AVARA_JWT_WEBHOOK_SECRET")).build();
    }
}
