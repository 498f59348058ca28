package se.trygghetsnav.notification.est;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.est.EstGroupEvents.Member;
import se.trygghetsnav.notification.est.EstGroupEvents.Sent;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden week-published: week 47 of 2026, published Tuesday 24 November after the meeting. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class EstWeekPictureIntegrationTest {

    private static final String WEEK = "2026-W47";

    @Autowired
    EstGroups groups;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void everyMemberAddressGetsTheWeeksPictureOnceEvenWhenThePublicationArrivesTwice() throws Exception {
        TestClock.set(LocalDate.of(2026, 11, 24), LocalTime.of(13, 0));
        String police = address("police");
        String shared = address("shared");
        Member polisen = Member.posting("Polisen, lokalpolisområde Norrtälje", "polisen-lpo-norrtalje", police, shared);
        Member social = Member.posting("Socialförvaltningen", "0188", address("social"));
        Member walkers = Member.mailOnly("Nattvandrarna Norrtälje", address("walkers"), shared.toUpperCase());
        EstGroupEvents group = new EstGroupEvents(polisen, social, walkers);
        group.groupRegistered(TestClock.INSTANCE.instant());
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> TenantScope.callAsSystem(() -> groups.group(group.groupId)).isPresent());

        Sent published = group.weekPublished(WEEK, 7, TestClock.INSTANCE.instant().minusSeconds(600));
        published.resend();
        // A later event of the same week report, on the same partition: once it is projected, both copies were handled.
        group.entriesPosted(WEEK, 8, social);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.callAsSystem(
                () -> groups.week(group.groupId, WEEK)).map(week -> week.postedBy(social.memberId())).orElse(false));

        for (String address : new String[] {police, shared, social.contactEmails().getFirst(), walkers.contactEmails().getFirst()}) {
            Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));
        }
        Thread.sleep(1500);
        for (String address : new String[] {police, shared, social.contactEmails().getFirst(), walkers.contactEmails().getFirst()}) {
            assertThat(Mailbox.messagesTo(address)).as(address).hasSize(1);
        }
        MimeMessage mail = Mailbox.messagesTo(walkers.contactEmails().getFirst()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Veckans lägesbild från EST Norrtälje centrum: vecka 47 2026");
        assertThat(mail.getHeader("X-Trygghetsnav-Mail-Key")[0]).startsWith("est-week-picture:" + group.weekReportId(WEEK) + ":");
        String link = "http://localhost:8084/api/v1/est-groups/" + group.groupId + "/weeks/" + WEEK;
        assertThat(Mailbox.textOf(mail))
                .contains("Lägesbilden för vecka 47 2026 i EST Norrtälje centrum är publicerad.")
                .contains("Rapporter: 2")
                .contains("Beslut om insatser: 1")
                .contains("Uppföljningar av tidigare beslut: 0")
                .contains("Skadegörelse (inkl. klotter, krossat glas och brand): 1")
                .contains("Störande samlingar: 1")
                .contains("Centrum: 2")
                .contains("Även dessa medlemmar har fått lägesbilden: Polisen, lokalpolisområde Norrtälje, Socialförvaltningen.")
                .contains("Varför får jag det här mejlet? Adressen är kontaktadress för Nattvandrarna Norrtälje")
                .contains(link);
        assertThat(Mailbox.htmlOf(mail)).contains("href=\"" + link + "\"").contains("<strong>2</strong>");
    }

    @Test
    void aPublicationReplayedLongAfterIsNotMailed() throws Exception {
        TestClock.set(LocalDate.of(2026, 11, 24), LocalTime.of(13, 0));
        String member = address("replayed");
        EstGroupEvents group = new EstGroupEvents(Member.posting("Socialförvaltningen", "0188", member));
        group.groupRegistered(TestClock.INSTANCE.instant());
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> TenantScope.callAsSystem(() -> groups.group(group.groupId)).isPresent());
        TestClock.set(LocalDate.of(2027, 1, 11), LocalTime.of(9, 0));

        group.weekPublished(WEEK, 7, TestClock.at(LocalDate.of(2026, 11, 24), LocalTime.of(12, 2)));
        group.entriesPosted(WEEK, 8, group.members.getFirst());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TenantScope.callAsSystem(
                () -> groups.week(group.groupId, WEEK)).isPresent());
        Thread.sleep(1000);

        assertThat(Mailbox.messagesTo(member)).isEmpty();
    }

    private static String address(String role) {
        return "est-picture-" + role + "-" + UUID.randomUUID() + "@example.se";
    }
}
