package fr.relais.privacy.boundary;

import fr.relais.intake.entity.Chat;
import fr.relais.privacy.entity.DataKey;
import fr.relais.qualification.entity.CitizenStatement;
import fr.relais.qualification.entity.QualificationDraft;
import fr.relais.qualification.entity.Report;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Erases one report's or one conversation's personal data, each in a transaction of its own under the
 * row's lock, so that two nodes running retention at once erase each once: the data key is destroyed
 * (crypto-shredding: every sealed copy becomes unreadable) and the rows holding texts or identities are
 * cleared, keeping ids, times, categories and outcomes.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Erasure {
    @PersistenceContext
    EntityManager em;

    public boolean eraseReport(long reportId, Instant now) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null || report.erasedAt() != null) {
            return false;
        }
        report.erase(now);
        CitizenStatement statement = em.find(CitizenStatement.class, reportId);
        if (statement != null) {
            statement.erase();
        }
        em.createNamedQuery(QualificationDraft.DELETE_OF_REPORT)
                .setParameter("report", reportId)
                .executeUpdate();
        destroyKey(DataKey.Owner.REPORT, reportId, now);
        return true;
    }

    public boolean eraseChat(long chatId, Instant now) {
        Chat chat = em.find(Chat.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (chat == null || chat.erasedAt() != null) {
            return false;
        }
        em.createNativeQuery("UPDATE chat_message SET text = '', sealed_text = NULL, staff_note = NULL"
                        + " WHERE chat_id = ?1")
                .setParameter(1, chatId)
                .executeUpdate();
        em.createNativeQuery("UPDATE chat_event SET note = NULL WHERE chat_id = ?1")
                .setParameter(1, chatId)
                .executeUpdate();
        destroyKey(DataKey.Owner.CHAT, chatId, now);
        chat.markErased(now);
        return true;
    }

    private void destroyKey(DataKey.Owner kind, long ownerId, Instant now) {
        em.createNamedQuery(DataKey.OF_OWNER, DataKey.class)
                .setParameter("kind", kind)
                .setParameter("owner", ownerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(k -> k.destroy(now));
    }
}
