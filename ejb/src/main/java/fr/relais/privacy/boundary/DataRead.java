package fr.relais.privacy.boundary;

import fr.relais.privacy.entity.PersonalDataRead;
import java.time.Instant;

/** One read of personal data, or one unsealing with its reason, as auditors list them. */
public record DataRead(
        String username, String role, Instant readAt, Long reportId, Long chatId, String kind, String reason) {

    static DataRead of(PersonalDataRead r) {
        return new DataRead(
                r.username(),
                r.role(),
                r.readAt(),
                r.reportId(),
                r.chatId(),
                r.kind().name(),
                r.reason());
    }
}
