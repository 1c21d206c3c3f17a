package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.avara.errors.InvalidParamsException;
import com.avara.models.viewer.users.UserInviteResponse;
import com.avara.models.viewer.users.invitations.InvitationListParams;
import com.avara.services.blocking.viewer.users.InvitationService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invitations' date filters against the emulator: a {@link LocalDate} filters as its
 * ISO text does, and one the filter's YYYY-MM-DD cannot hold is refused.
 */
class DateFiltersTest {
    private static Emulator emulator;
    private static AvaraClient client;
    private static InvitationService invitations;
    private static String invitationId;
    private static LocalDate createdOn;

    @BeforeAll
    static void invite() throws Exception {
        emulator = Emulator.start();
        client = emulator.client();
        UserInviteResponse user = client.viewer().users().invite(EveryOperationTest.invite("jane.doe@example.org"));
        invitations = client.viewer().users().invitations();
        var invitation = invitations.list(InvitationListParams.builder().userId(user.userId()).build()).items().get(0);
        invitationId = invitation.invitationId();
        createdOn = LocalDate.parse(invitation.createdAt().orElseThrow().substring(0, 10));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        emulator.close();
    }

    private static List<String> listed(InvitationListParams.Builder filters) {
        return invitations.list(filters.build()).items().stream().map(each -> each.invitationId()).toList();
    }

    @Test
    void aLocalDateFiltersAsItsIsoTextDoes() {
        assertEquals(List.of(invitationId), listed(InvitationListParams.builder().startDate(createdOn).endDate(createdOn)));
        assertEquals(
                InvitationListParams.builder().startDate(createdOn.toString()).endDate(createdOn.toString()).build(),
                InvitationListParams.builder().startDate(createdOn).endDate(createdOn).build());
        assertEquals(List.of(), listed(InvitationListParams.builder().startDate(createdOn.plusDays(1))));
        assertEquals(List.of(), listed(InvitationListParams.builder().endDate(createdOn.minusDays(1))));
        assertEquals(List.of(invitationId), listed(InvitationListParams.builder().startDate((LocalDate) null)), "null leaves it out");
    }

    @Test
    void aDayBeyondFourDigitYearsIsRefusedNamingTheField() {
        InvitationListParams params = InvitationListParams.builder().endDate(LocalDate.of(10_000, 1, 1)).build();
        InvalidParamsException refused = assertThrows(InvalidParamsException.class, () -> invitations.list(params));
        assertEquals(Optional.of("endDate"), refused.field());
        assertEquals(0, refused.attempts());
    }
}
