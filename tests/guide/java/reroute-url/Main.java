package com.avara.example;
import com.avara.client.AvaraClient;
import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.models.viewer.studies.StudyRerouteUrlParams;
import com.avara.models.viewer.studies.StudyRerouteUrlResponse;
public final class Main {
private Main() {}
public static void main(String[] args) {
AvaraClient client = AvaraOkHttpClient.fromEnv();
StudyRerouteUrlParams params = StudyRerouteUrlParams.builder()
.studyId("stu_1234567890abcdef1234567890abcdef")
.build();
StudyRerouteUrlResponse response = client.viewer().studies().rerouteUrl(params);
}
}
