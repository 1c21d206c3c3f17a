package com.avara.webhooks;

import com.avara.manifest.BuiltManifest;
import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.StudyAccessRequestedResponse;
import java.util.List;

/**
 * Answers to {@code study.access_requested}: build one here (or construct a
 * {@link StudyAccessRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class StudyAccessRequestedResponses {
    private StudyAccessRequestedResponses() {}

    /** Access granted; {@code urls} are presigned URLs covering every DICOM image of the study. */
    public static StudyAccessRequestedResponse authorized(List<String> urls) {
        return NativeCalls.response(() -> Avara_jvmKt.studyAccessRequestedAuthorized(urls));
    }

    /**
     * Access granted with a {@link com.avara.manifest.Manifests} build: its URLs and, when
     * it has a series, its manifest, so the Viewer loads the study progressively.
     */
    public static StudyAccessRequestedResponse authorized(BuiltManifest built) {
        if (built == null) {
            // No build is no URLs: the core reports it as for authorized((List<String>) null).
            return authorized((List<String>) null);
        }
        return NativeCalls.response(() -> Avara_jvmKt.studyAccessRequestedAuthorizedWithManifest(built.urls(), built.manifest()));
    }

    public static StudyAccessRequestedResponse denied(String reason) {
        return NativeCalls.response(() -> Avara_jvmKt.studyAccessRequestedDenied(reason));
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(StudyAccessRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.studyAccessRequestedResponseToJson(response));
    }
}
