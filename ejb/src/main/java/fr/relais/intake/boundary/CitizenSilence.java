package fr.relais.intake.boundary;

import fr.relais.intake.control.Silence;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.intake.entity.ChatMilestone;
import fr.relais.privacy.boundary.Seals;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The citizen's silence as the conversation model asks about it: {@code Timer_CitizenSilent} is due in
 * {@code ${citizenSilence.remaining(chatId)}}, evaluated each time the conversation is (re)entered, and
 * {@link CheckCitizenSilence} asks {@link #abandonIfSilent} when it fires. Nothing is written to the
 * engine per citizen message: the check re-arms the timer for the time left when the citizen wrote.
 */
@Named("citizenSilence")
@ApplicationScoped
public class CitizenSilence {
    private static final Logger LOG = Logger.getLogger(CitizenSilence.class.getName());

    @EJB
    Seals seals;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ChatEvent> events;

    @Inject
    @ConfigProperty(name = "RELAIS_CHAT_SILENCE_TIMEOUT", defaultValue = "PT15M")
    String timeout;

    @Inject
    @ConfigProperty(name = "RELAIS_CHAT_SILENCE_TIMEOUT_BY_TOPIC")
    Optional<String> timeoutByTopic;

    Clock clock = Clock.systemUTC();

    private Silence silence;

    @PostConstruct
    void configure() {
        silence = Silence.configured(timeout, timeoutByTopic.orElse(null));
    }

    /** The ISO-8601 duration until the chat counts as abandoned if the citizen stays silent. */
    @Transactional
    public String remaining(Long chatId) {
        Chat chat = em.find(Chat.class, chatId);
        Instant held = chat.heldSince() == null ? clock.instant() : chat.heldSince();
        return silence.remaining(chat.topic(), lastCitizenMessage(chatId), held, clock.instant())
                .toString();
    }

    /**
     * Closes the chat as abandoned when its citizen is still silent; returns whether it did. The chat's
     * row lock orders this after a citizen's message being written.
     */
    @Transactional
    public boolean abandonIfSilent(Long chatId) {
        Chat chat = em.find(Chat.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (chat == null || chat.status() != Chat.Status.TAKEN) {
            return false;
        }
        Instant now = clock.instant();
        if (!silence.isSilent(chat.topic(), lastCitizenMessage(chatId), chat.heldSince(), now)) {
            return false;
        }
        String holder = chat.operator();
        chat.close(Chat.Outcome.ABANDONED, now);
        Duration timeout = silence.timeoutFor(chat.topic());
        em.persist(new ChatMilestone(
                chat.id(), ChatMilestone.Kind.ENDED, now, null, chat.platform(), Chat.Outcome.ABANDONED.name(), null));
        ChatMessage line = ChatMessage.system(
                chat.id(),
                "Conversation terminée : sans message de votre part depuis " + minutes(timeout)
                        + ". Vous pouvez en commencer une nouvelle à tout moment.",
                "Abandon : internaute silencieux (délai " + timeout + ").",
                now);
        em.persist(line);
        em.flush();
        seals.conversationEnded(chat.id());
        events.fire(new ChatEvent.Posted(chat.id(), chat.platform(), holder, ChatLine.of(line)));
        events.fire(new ChatEvent.QueueChanged(chat.id(), chat.platform()));
        LOG.info(() -> "Chat " + chatId + " abandoned: citizen silent for " + timeout);
        return true;
    }

    private Instant lastCitizenMessage(Long chatId) {
        return em.createNamedQuery(ChatMessage.LAST_FROM_CITIZEN, Instant.class)
                .setParameter("chatId", chatId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 1 ? m + " min" : d.toSeconds() + " s";
    }
}
