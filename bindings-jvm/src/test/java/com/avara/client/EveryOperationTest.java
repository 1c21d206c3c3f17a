package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.errors.ApiConnectionException;
import com.avara.errors.AuthenticationException;
import com.avara.errors.AvaraException;
import com.avara.errors.ConflictException;
import com.avara.errors.InvalidParamsException;
import com.avara.errors.NotFoundException;
import com.avara.errors.PermissionDeniedException;
import com.avara.errors.UnprocessableEntityException;
import com.avara.models.express.ExpressCreateParams;
import com.avara.models.express.ExpressCreateResponse;
import com.avara.models.express.ExpressListParams;
import com.avara.models.express.ExpressUpdateParams;
import com.avara.models.express.users.UserAddParams;
import com.avara.models.express.users.UserRemoveParams;
import com.avara.models.viewer.ephemeralsessions.EphemeralSessionCreateParams;
import com.avara.models.viewer.studies.StudyCancelParams;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyCreateResponse;
import com.avara.models.viewer.studies.StudyListPage;
import com.avara.models.viewer.studies.StudyListParams;
import com.avara.models.viewer.studies.StudyListResponse;
import com.avara.models.viewer.studies.StudyRerouteUrlParams;
import com.avara.models.viewer.studies.StudyRetrieveByUidParams;
import com.avara.models.viewer.studies.StudyUncancelParams;
import com.avara.models.viewer.studies.StudyUpdateParams;
import com.avara.models.viewer.studies.StudyUpdateResponse;
import com.avara.models.viewer.users.UserInviteParams;
import com.avara.models.viewer.users.UserInviteResponse;
import com.avara.models.viewer.users.UserListParams;
import com.avara.models.viewer.users.UserReactivateParams;
import com.avara.models.viewer.users.UserRevokeAccessParams;
import com.avara.models.viewer.users.UserUpdateParams;
import com.avara.models.viewer.users.UserUpdateResponse;
import com.avara.models.viewer.users.invitations.InvitationListParams;
import com.avara.models.viewer.users.invitations.InvitationListResponse;
import com.avara.models.viewer.users.invitations.InvitationRetrieveResponse;
import com.avara.models.viewer.users.invitations.InvitationRevokeParams;
import com.avara.models.viewer.users.invitations.InvitationUpdateParams;
import com.avara.models.viewer.users.invitations.InvitationUpdateResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the API against the emulator, through the generated Java surface
 * (compiling this class also checks that surface), plus the error family, pagination
 * over several pages and the async twin.
 */
class EveryOperationTest {
    static final String UID = "1.2.840.113619.2.55.3.604688119.868.1234567890.123";

    private Emulator emulator;
    private AvaraClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.start();
        client = emulator.client();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        emulator.close();
    }

    private StudyCreateResponse createStudy(String uid, StudyCreateParams.Severity severity) {
        return client.viewer().studies().create(StudyCreateParams.builder()
                .severity(severity).studyDescription("study " + uid).studyInstanceUid(uid).build());
    }

    static UserInviteParams invite(String email) {
        return UserInviteParams.builder()
                .canManageStudies(true)
                .clinicRole(UserInviteParams.ClinicRole.RADIOLOGIST)
                .email(email)
                .firstName("Jane")
                .hasDashboardAccess(true)
                .lastName("Doe")
                .level(UserInviteParams.AssignableUserLevel.MEMBER)
                .phoneNumber("+15551234567")
                .build();
    }

    @Test
    void everyStudyOperation() {
        var studies = client.viewer().studies();
        StudyCreateResponse created = studies.create(StudyCreateParams.builder()
                .severity(StudyCreateParams.Severity.NORMAL)
                .studyDescription("Brain MRI with Contrast")
                .studyInstanceUid(UID)
                .metadata(Map.of("accession", "A1"))
                .build());
        assertTrue(created.studyId().matches("stu_[0-9a-f]{32}"), created.studyId());
        assertEquals(UID, created.studyInstanceUid());
        assertEquals(StudyCreateResponse.Severity.NORMAL, created.severity());
        assertEquals(Map.of("accession", "A1"), created.metadata().orElseThrow());
        assertFalse(created.isCancelled());
        assertEquals("full", created.createdByApiKey().orElseThrow().description());

        assertEquals(created.studyId(), studies.retrieve(created.studyId()).studyId());
        assertEquals(created.studyId(),
                studies.retrieveByUid(StudyRetrieveByUidParams.builder().studyInstanceUid(UID).build()).studyId());

        StudyUpdateResponse updated = studies.update(StudyUpdateParams.builder()
                .studyId(created.studyId())
                .severity(StudyUpdateParams.Severity.STAT)
                .metadata(null)
                .build());
        assertEquals(StudyUpdateResponse.Severity.STAT, updated.severity());
        assertTrue(updated.metadata().isEmpty(), "null clears the metadata");

        assertTrue(studies.cancel(StudyCancelParams.builder().studyId(created.studyId()).build()).success());
        assertTrue(studies.retrieve(created.studyId()).isCancelled());
        StudyListPage cancelled = studies.list(StudyListParams.builder().isCancelled(true).build());
        assertEquals(1, cancelled.items().size());
        assertTrue(studies.uncancel(StudyUncancelParams.builder().studyInstanceUid(UID).build()).success());
        assertFalse(studies.retrieve(created.studyId()).isCancelled());

        String url = studies.rerouteUrl(StudyRerouteUrlParams.builder().studyId(created.studyId()).build()).url();
        assertTrue(url.startsWith(emulator.baseUrl + "/view/"), url);
    }

    @Test
    void everyUserAndInvitationOperation() {
        var users = client.viewer().users();
        UserInviteResponse user = users.invite(invite("jane.doe@example.org"));
        assertEquals("jane.doe@example.org", users.retrieve(user.userId()).email());
        UserUpdateResponse changed = users.update(UserUpdateParams.builder()
                .userId(user.userId()).firstName("Janet").phoneNumber(null).build());
        assertEquals("Janet", changed.firstName());
        assertTrue(changed.phoneNumber().isEmpty(), "null clears the phone number");
        var listed = users.list(UserListParams.builder().invitedSource(UserListParams.InvitedSource.API).build());
        assertTrue(listed.items().stream().anyMatch(each -> each.userId().equals(user.userId())));
        assertTrue(users.revokeAccess(UserRevokeAccessParams.builder().userId(user.userId()).build()).success());
        assertTrue(users.reactivate(UserReactivateParams.builder().userId(user.userId()).build()).success());
        ConflictException duplicate = assertThrows(ConflictException.class, () -> users.invite(invite("jane.doe@example.org")));
        assertEquals(409, duplicate.statusCode().getAsInt());

        var invitations = users.invitations();
        InvitationListResponse invitation = invitations.list(InvitationListParams.builder()
                        .status(List.of(InvitationListParams.InvitationStatus.SENT))
                        .userId(user.userId())
                        .build())
                .items().get(0);
        InvitationRetrieveResponse retrieved = invitations.retrieve(invitation.invitationId());
        assertEquals(user.userId(), retrieved.userId());
        InvitationUpdateResponse promoted = invitations.update(InvitationUpdateParams.builder()
                .invitationId(invitation.invitationId())
                .level(InvitationUpdateParams.AssignableUserLevel.ADMIN)
                .build());
        assertEquals(InvitationUpdateResponse.UserLevel.ADMIN, promoted.level());
        assertTrue(invitations.revoke(InvitationRevokeParams.builder()
                .invitationId(invitation.invitationId()).userId(user.userId()).build()).success());
        assertEquals(InvitationRetrieveResponse.InvitationStatus.REVOKED,
                invitations.retrieve(invitation.invitationId()).status());
    }

    @Test
    void everyExpressAndSessionOperation() throws Exception {
        var express = client.express();
        ExpressCreateResponse customer = express.create(ExpressCreateParams.builder().expressCustomerName("North Imaging").build());
        assertTrue(customer.isActive());
        String id = customer.expressCustomerId();
        assertEquals("North Imaging", express.retrieve(id).expressCustomerName());
        assertEquals("North", express.update(ExpressUpdateParams.builder()
                .expressCustomerId(id).expressCustomerName("North").build()).expressCustomerName());
        assertFalse(express.deactivate(id).isActive());
        assertTrue(express.reactivate(id).isActive());
        assertEquals(1, express.list(ExpressListParams.builder().build()).expressCustomers().size());

        UserInviteResponse user = client.viewer().users().invite(invite("tech@example.org"));
        assertTrue(express.users().add(UserAddParams.builder().expressCustomerId(id).userId(user.userId()).build()).success());
        assertEquals(1L, express.retrieve(id).userCount());
        assertTrue(express.users().remove(UserRemoveParams.builder().expressCustomerId(id).userId(user.userId()).build()).success());
        assertEquals(0L, express.retrieve(id).userCount());

        EphemeralSessionCreateParams session = EphemeralSessionCreateParams.builder()
                .retrievalId("ret-7731")
                .hangingProtocol(EphemeralSessionCreateParams.HangingProtocol.builder()
                        .layout(EphemeralSessionCreateParams.ViewerLayout._1X2)
                        .viewportAssignments(Arrays.asList("Axial", null))
                        .build())
                .options(Map.of("studyUids", List.of(UID)))
                .build();
        UnprocessableEntityException refused = assertThrows(UnprocessableEntityException.class,
                () -> client.viewer().ephemeralSessions().create(session), "sessions need the key's webhook endpoint");
        assertEquals("unprocessable_entity", refused.getCode());
        try (AvaraClient viewer = emulator.client(Emulator.VIEWER_KEY)) {
            String url = viewer.viewer().ephemeralSessions().create(session).url();
            assertTrue(url.startsWith(emulator.baseUrl + "/view/"), url);
        }
    }

    @Test
    void invalidParametersNameTheFieldAndSendNothing() {
        var studies = client.viewer().studies();
        InvalidParamsException badUid = assertThrows(InvalidParamsException.class, () -> studies.create(StudyCreateParams.builder()
                .severity(StudyCreateParams.Severity.NORMAL).studyDescription("x").studyInstanceUid("1.2.03").build()));
        assertEquals("invalid_params", badUid.getCode());
        assertEquals("studyInstanceUid", badUid.field().orElseThrow());
        assertEquals(0, badUid.attempts());
        assertTrue(badUid.statusCode().isEmpty());
        assertEquals("limit", assertThrows(InvalidParamsException.class,
                () -> studies.list(StudyListParams.builder().limit(101).build())).field().orElseThrow());
        assertEquals("studyId", assertThrows(InvalidParamsException.class, () -> studies.retrieve("stu_XYZ")).field().orElseThrow());

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> StudyCreateParams.builder().studyDescription("x").studyInstanceUid(UID).build());
        assertTrue(missing.getMessage().contains("`severity`"), missing.getMessage());
    }

    @Test
    void statusErrorsCarryTheCoreCodeStatusAndRequestId() throws Exception {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.viewer().studies().retrieve("stu_00000000000000000000000000000000"));
        assertEquals("not_found", missing.getCode());
        assertEquals(404, missing.statusCode().getAsInt());
        assertTrue(missing.requestId().isPresent());
        assertTrue(missing.body().isPresent());

        try (AvaraClient viewer = emulator.client(Emulator.VIEWER_KEY)) {
            PermissionDeniedException denied = assertThrows(PermissionDeniedException.class, () -> viewer.viewer().users().list());
            assertEquals("permission_denied", denied.getCode());
            assertEquals(403, denied.statusCode().getAsInt());
            assertThrows(PermissionDeniedException.class, () -> viewer.express().list());
        }
        try (AvaraClient stranger = emulator.client("sk_test_unknown")) {
            AuthenticationException unknown = assertThrows(AuthenticationException.class, () -> stranger.viewer().studies().list());
            assertFalse(unknown.getMessage().contains("sk_test_unknown"));
            assertFalse(unknown.toString().contains("sk_test_unknown"));
        }
        try (AvaraClient nowhere = com.avara.client.okhttp.AvaraOkHttpClient.builder()
                .apiKey(Emulator.FULL_KEY).baseUrl("http://127.0.0.1:9").maxRetries(0).build()) {
            assertEquals("connection", assertThrows(ApiConnectionException.class, () -> nowhere.viewer().studies().list()).getCode());
        }
    }

    @Test
    void autoPagerWalksEveryPageAndKeepsTheFilters() {
        for (int n = 0; n < 7; n++) {
            createStudy("1.2.826.0.1.3680043.10." + n, n % 2 == 0 ? StudyCreateParams.Severity.HIGH : StudyCreateParams.Severity.NORMAL);
        }
        StudyListPage first = client.viewer().studies().list(StudyListParams.builder()
                .limit(1).severity(StudyListParams.Severity.HIGH).build());
        assertTrue(first.hasMore() && first.cursor().isPresent());
        List<String> high = new ArrayList<>();
        for (StudyListResponse study : first.autoPager()) {
            high.add(study.studyDescription());
        }
        assertEquals(List.of("study 1.2.826.0.1.3680043.10.0", "study 1.2.826.0.1.3680043.10.2",
                "study 1.2.826.0.1.3680043.10.4", "study 1.2.826.0.1.3680043.10.6"), high);

        StudyListPage pageOfThree = client.viewer().studies().list(StudyListParams.builder().limit(3).build());
        assertEquals(7, pageOfThree.stream().count(), "three pages of at most three");
        int pages = 1;
        for (var page = pageOfThree.nextPage(); page.isPresent(); page = page.get().nextPage()) {
            pages++;
        }
        assertEquals(3, pages);
    }

    @Test
    void theAsyncTwinCompletesWithResultsAndErrors() {
        var studies = client.async().viewer().studies();
        List<StudyCreateResponse> created = IntStream.range(0, 8)
                .mapToObj(n -> studies.create(StudyCreateParams.builder().severity(StudyCreateParams.Severity.STAT)
                        .studyDescription("async " + n).studyInstanceUid("1.2.826.0.1.3680043.11." + n).build()))
                .toList().stream().map(future -> future.join()).collect(Collectors.toList());
        assertEquals(8, created.stream().map(StudyCreateResponse::studyId).distinct().count());
        assertEquals(8, studies.list(StudyListParams.builder().limit(3).build()).join().stream().count());
        CompletionException failed = assertThrows(CompletionException.class,
                () -> studies.retrieve("stu_00000000000000000000000000000000").join());
        assertInstanceOf(NotFoundException.class, failed.getCause());
        assertEquals("not_found", ((AvaraException) failed.getCause()).getCode());
        assertTrue(client.async().sync() == client);
    }
}
