import com.avara.manifest.BuiltManifest;
import com.avara.manifest.Manifests;
import com.avara.webhooks.StudyAccessRequestedResponses;
import com.avara.webhooks.model.WebhookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A {@code study.access_requested} receiver that answers with the study's URLs and its manifest. */
public class ManifestReceiver {
    /** The response body for {@code event}, whose study's files are in {@code imageDir}. */
    public static String answerStudyAccess(WebhookEvent.StudyAccessRequested event, Path imageDir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(imageDir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        // Only each file's header is read; files of other studies and non-DICOM files are left out.
        BuiltManifest built = Manifests.buildFromFiles(event.getData().getStudyInstanceUid(), files,
                file -> "https://images.example.com/" + file.getFileName()); // your presigned URL
        return StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(built));
    }
}
