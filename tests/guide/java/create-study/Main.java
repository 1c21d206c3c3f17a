package com.avara.example;
import com.avara.client.AvaraClient;
import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyCreateResponse;
public final class Main {
private Main() {}
public static void main(String[] args) {
AvaraClient client = AvaraOkHttpClient.fromEnv();
StudyCreateParams params = StudyCreateParams.builder()
.severity(StudyCreateParams.Severity.NORMAL)
.studyDescription("Brain MRI with Contrast")
.studyInstanceUid("1.2.840.113619.2.55.3.604688119.868.1234567890.123")
.build();
StudyCreateResponse study = client.viewer().studies().create(params);
}
}
