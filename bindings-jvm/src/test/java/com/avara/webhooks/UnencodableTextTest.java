package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.avara.manifest.BuiltManifest;
import com.avara.webhooks.model.StudyAccessRequestedResponse;
import com.avara.webhooks.model.WorklistItem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Text with an unpaired surrogate cannot cross into the core as UTF-8: every response
 * factory and serializer that takes strings refuses it as a response that breaks the
 * contract ({@code schema_error}, as in every package), never with the encoder's
 * undeclared checked exception.
 */
class UnencodableTextTest {
    private static final String LONE_SURROGATE = "\uD800";

    private static void refused(Executable call) {
        assertEquals("schema_error", assertThrows(WebhookVerificationException.class, call).getCode());
    }

    private static WorklistItem worklistItem(String accessionNumber) {
        return new WorklistItem(accessionNumber, "CT", "19700101", "P1", "Doe^Jane", "F", "1.7", "60",
                "Chest", "CT chest", List.of(), "CT chest", "1.2.3");
    }

    @Test
    void responseFactoriesRefuseUnencodableText() {
        List<String> urls = List.of(LONE_SURROGATE);
        refused(() -> StudyAccessRequestedResponses.authorized(urls));
        refused(() -> StudyAccessRequestedResponses.denied(LONE_SURROGATE));
        refused(() -> EphemeralAccessRequestedResponses.authorized(urls));
        refused(() -> EphemeralAccessRequestedResponses.denied(LONE_SURROGATE));
        refused(() -> SecondaryCaptureAccessRequestedResponses.authorized(urls));
        refused(() -> SecondaryCaptureAccessRequestedResponses.denied(LONE_SURROGATE));
        refused(() -> ModalityWorklistRequestedResponses.authorized(List.of(worklistItem(LONE_SURROGATE))));
        refused(() -> ModalityWorklistRequestedResponses.denied(LONE_SURROGATE));
    }

    @Test
    void nullArgumentsBreakTheContractInTheCoresWords() {
        for (Executable call : new Executable[] {
                () -> StudyAccessRequestedResponses.authorized((List<String>) null),
                () -> StudyAccessRequestedResponses.authorized(Arrays.asList("https://a.example/1", null)),
                () -> StudyAccessRequestedResponses.authorized((BuiltManifest) null),
                () -> EphemeralAccessRequestedResponses.denied(null),
                () -> ModalityWorklistRequestedResponses.authorized(Arrays.asList((WorklistItem) null)),
                () -> StudyAccessRequestedResponses.toJson(null),
                () -> Webhooks.normalizeResponse("report.delivered", null)}) {
            refused(call);
        }
    }

    @Test
    void serializersRefuseUnencodableText() {
        StudyAccessRequestedResponse response =
                new StudyAccessRequestedResponse(true, List.of(LONE_SURROGATE), null, null, null);
        refused(() -> StudyAccessRequestedResponses.toJson(response));
    }
}
