package se.trygghetsnav.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Deterministic mail keys: what the mail is about, then the recipient as a short hash, so the key can go
 * into logs and mail headers without the address.
 */
public final class MailKeys {

    private MailKeys() {
    }

    /** E.g. {@code measure-assigned:<measureId>:<unitId>:<12 hex digits of the address's SHA-256>}. */
    public static String of(String kind, Object... partsThenRecipient) {
        StringJoiner key = new StringJoiner(":").add(kind);
        for (int i = 0; i < partsThenRecipient.length - 1; i++) {
            key.add(String.valueOf(partsThenRecipient[i]));
        }
        return key.add(recipientHash(String.valueOf(partsThenRecipient[partsThenRecipient.length - 1]))).toString();
    }

    public static String recipientHash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
