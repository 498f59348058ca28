package se.trygghetsnav.notification.delivery.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.notification.delivery.MailStatus;
import se.trygghetsnav.notification.delivery.OutgoingMail;
import se.trygghetsnav.notification.delivery.OutgoingMailRepository;

@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "The record of mails: what was sent to whom, when and why")
public class DeliveryController {

    private final OutgoingMailRepository mails;

    public DeliveryController(OutgoingMailRepository mails) {
        this.mails = mails;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The mails of the caller's organisation to one address, newest first, with the reason each was sent")
    public PageResponse<Delivery> byRecipient(@RequestParam @NotBlank @Email String recipient,
            @Valid @ParameterObject Paging paging) {
        return PageResponse.of(mails.findByRecipient(recipient, paging.sortedBy(Sort.by(Sort.Direction.DESC, "createdAt"))),
                Delivery::of);
    }

    /** A mail as its recipient may see it, without the body. */
    public record Delivery(String key, String recipient, String subject, String reason, String itemRef,
            MailStatus status, int attempts, Instant createdAt, Instant sentAt, String lastError) {

        static Delivery of(OutgoingMail mail) {
            return new Delivery(mail.key(), mail.recipient(), mail.subject(), mail.reason(), mail.itemRef(), mail.status(),
                    mail.attempts(), mail.createdAt(), mail.sentAt(), mail.lastError());
        }
    }
}
