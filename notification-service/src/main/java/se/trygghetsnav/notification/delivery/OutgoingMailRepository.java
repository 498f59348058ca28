package se.trygghetsnav.notification.delivery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Reads of the mail record. Mails are written only through {@link MailQueue} and {@link MailDispatcher}. */
public interface OutgoingMailRepository extends Repository<OutgoingMail, String> {

    Page<OutgoingMail> findByRecipient(String recipient, Pageable pageable);
}
