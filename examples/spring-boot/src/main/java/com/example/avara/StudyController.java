package com.example.avara;

import com.avara.client.AvaraClient;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyCreateResponse;
import com.avara.models.viewer.studies.StudyListParams;
import com.avara.models.viewer.studies.StudyListResponse;
import com.avara.models.viewer.studies.StudyRerouteUrlParams;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
public class StudyController {
    /** A DICOM preamble and magic only: enough for the image links to resolve. */
    private static final byte[] PLACEHOLDER_IMAGE = placeholderImage();

    private final AvaraClient avara;
    private final StudyStore studies;

    public StudyController(AvaraClient avara, StudyStore studies) {
        this.avara = avara;
        this.studies = studies;
    }

    public record NewStudy(String studyInstanceUid, String studyDescription, StudyCreateParams.Severity severity) {}

    @PostMapping("/studies")
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewStudy request) {
        if (request.studyInstanceUid() == null || request.studyDescription() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "studyInstanceUid and studyDescription are required");
        }
        StudyCreateResponse study = avara.viewer().studies().create(StudyCreateParams.builder()
                .studyInstanceUid(request.studyInstanceUid())
                .studyDescription(request.studyDescription())
                .severity(request.severity() == null ? StudyCreateParams.Severity.NORMAL : request.severity())
                .build());
        studies.add(study);
        return ResponseEntity.status(HttpStatus.CREATED).body(study._raw());
    }

    /** Every study the API key can see: the pager walks every page. */
    @GetMapping("/studies")
    public List<Map<String, String>> list() {
        List<Map<String, String>> found = new ArrayList<>();
        StudyListParams params = StudyListParams.builder().isCancelled(false).build();
        for (StudyListResponse study : avara.viewer().studies().list(params).autoPager()) {
            found.add(Map.of("studyId", study.studyId(), "studyInstanceUid", study.studyInstanceUid()));
        }
        return found;
    }

    @GetMapping("/studies/{studyInstanceUid}/view")
    public ResponseEntity<Void> view(@PathVariable String studyInstanceUid) {
        String url = avara.viewer().studies()
                .rerouteUrl(StudyRerouteUrlParams.builder().studyInstanceUid(studyInstanceUid).build())
                .url();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
    }

    @GetMapping("/images/{studyInstanceUid}/{name}")
    public ResponseEntity<byte[]> image(@PathVariable String studyInstanceUid, @PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/dicom")).body(PLACEHOLDER_IMAGE);
    }

    private static byte[] placeholderImage() {
        byte[] image = new byte[132];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, image, 128, 4);
        return image;
    }
}
