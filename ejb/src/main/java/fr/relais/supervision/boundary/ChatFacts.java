package fr.relais.supervision.boundary;

import fr.relais.intake.boundary.ChatEvent;
import fr.relais.intake.entity.Chat;
import fr.relais.supervision.entity.ChatFact;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes the supervision's read model of chats in the transaction of each change of a queue (a chat
 * opened, taken, handed back or closed: intake's {@link ChatEvent.QueueChanged}, observed synchronously),
 * one row per chat: no lifecycle write queues on a shared row.
 */
@Stateless
public class ChatFacts {
    @PersistenceContext
    EntityManager em;

    public void onQueueChanged(@Observes ChatEvent.QueueChanged changed) {
        Chat chat = em.find(Chat.class, changed.chatId());
        if (chat == null) {
            return;
        }
        ChatFact fact = em.find(ChatFact.class, chat.id());
        if (fact == null) {
            fact = new ChatFact(chat.id(), chat.platform().name(), chat.door(), chat.topic(), chat.createdAt());
            em.persist(fact);
        }
        fact.queuedOn(chat.platform().name());
        if (chat.takenAt() != null) {
            fact.taken(chat.takenAt(), chat.operator());
        }
        if (chat.status() == Chat.Status.CLOSED) {
            fact.closed(
                    chat.closedAt(),
                    chat.outcome() == null ? null : chat.outcome().name());
        }
    }
}
