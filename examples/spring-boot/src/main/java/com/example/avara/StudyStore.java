package com.example.avara;

import com.avara.models.ViewerStudy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Stands in for your PACS: the studies this app created, by StudyInstanceUID. */
@Component
public class StudyStore {
    private final Map<String, ViewerStudy> studies = new ConcurrentHashMap<>();

    public void add(ViewerStudy study) {
        studies.put(study.studyInstanceUid(), study);
    }

    public Optional<ViewerStudy> find(String studyInstanceUid) {
        return Optional.ofNullable(studies.get(studyInstanceUid));
    }

    public boolean contains(String studyInstanceUid) {
        return studies.containsKey(studyInstanceUid);
    }
}
