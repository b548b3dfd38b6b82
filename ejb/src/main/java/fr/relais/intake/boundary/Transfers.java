package fr.relais.intake.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.AccountEvent;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.AppUser;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.entity.ChatMessage;
import fr.relais.intake.entity.ChatMilestone;
import fr.relais.operators.boundary.OperatorEvent;
import fr.relais.operators.boundary.Operators;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.workflow.Workflow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transfers of a held conversation, each a path of the conversation's model: to a colleague of the same
 * platform, to the psychologist (VSS), to the other platform's queue, or back to the platform's queue.
 * The conversation keeps its history and goes on; a system line tells the citizen (neutral wording) and
 * staff (with the note); a {@link ChatMilestone} keeps the time.
 */
@Stateless
public class Transfers {
    public static final int MAX_NOTE_LENGTH = 1000;

    /** Where a conversation goes. */
    public enum Target {
        /** An operator of the same platform, by name. */
        COLLEAGUE,
        /** The psychologist of the VSS platform: the one named, else the one holding the fewest chats. */
        PSYCHOLOGIST,
        /** The other platform's queue (generalist ↔ VSS). */
        OTHER_PLATFORM,
        /** Back to the queue of the chat's platform. */
        QUEUE
    }

    /** Someone a conversation may be handed to, for the screens' choices. */
    public record Person(String username, String displayName) implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @EJB
    Workflow workflow;

    @EJB
    Directory directory;

    @EJB
    Operators operators;

    @Inject
    Event<ChatEvent> events;

    Clock clock = Clock.systemUTC();

    /**
     * Transfers the chat the caller holds.
     *
     * @param person the colleague (COLLEAGUE, required) or psychologist (PSYCHOLOGIST, optional)
     * @throws DomainException 400 for a missing or unsuitable target or a note too long, 404 for a chat
     *     of another platform, 409 {@code chat_not_held} when the caller does not hold it, 409
     *     {@code target_not_available} when nobody suitable can receive it
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public Chat transfer(long chatId, Target target, String person, String note) {
        if (target == null) {
            throw DomainException.invalid("invalid_target", "Destinataire du transfert inconnu.");
        }
        String checkedNote = checkedNote(note);
        Caller caller = directory.currentCaller();
        Chat chat = heldChat(chatId, caller);
        Chat transferred =
                switch (target) {
                    case COLLEAGUE -> toPerson(chat, caller, colleague(chat, caller, person), false, checkedNote);
                    case PSYCHOLOGIST -> toPerson(chat, caller, psychologist(chat, caller, person), true, checkedNote);
                    case OTHER_PLATFORM -> toQueue(chat, caller, other(chat.platform()), checkedNote);
                    case QUEUE -> toQueue(chat, caller, chat.platform(), checkedNote);
                };
        trail.record(Chain.chat(chatId), "chat_transferred", transferred(target, transferred));
        return transferred;
    }

    /**
     * Hands a chat the caller holds back to their platform's queue, or to the colleague named: what going
     * off shift does for each chat still held. Same rules and refusals as {@link #transfer}.
     */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public Chat handBack(long chatId, Optional<String> colleague, String note) {
        return colleague.isPresent()
                ? transfer(chatId, Target.COLLEAGUE, colleague.get(), note)
                : transfer(chatId, Target.QUEUE, null, note);
    }

    /**
     * Going off shift hands every conversation the operator still holds, with its history, to the
     * colleague they picked or back to the platform's queue, in the transaction of the status change
     * (synchronous observer): one refused hand-over refuses them all, and the change.
     */
    public void onOffShift(@Observes OperatorEvent.WentOffShift offShift) {
        Optional<String> colleague = Optional.ofNullable(offShift.colleague());
        String note = offShift.note() != null && !offShift.note().isBlank()
                ? offShift.note()
                : colleague.isPresent() ? OFF_SHIFT_TO_COLLEAGUE_NOTE : OFF_SHIFT_NOTE;
        for (long chatId : offShift.heldChatIds()) {
            handBack(chatId, colleague, note);
        }
    }

    /**
     * An administrator disabled the account: every conversation it held goes back to its platform's
     * queue with its history, in the transaction of the change (synchronous observer), recorded as
     * handed back by the administrator.
     */
    public void onAccountDisabled(@Observes AccountEvent.Disabled disabled) {
        Caller admin = directory.currentCaller();
        Workflow.Actor holder = directory
                .user(disabled.username())
                .map(u -> new Caller(u.username(), u.roles(), u.platform(), u.unitCode()).actor())
                .orElseThrow();
        List<Chat> held = em.createNamedQuery(Chat.TAKEN_BY, Chat.class)
                .setParameter("operator", disabled.username())
                .getResultList();
        for (Chat listed : held) {
            Chat chat = em.find(Chat.class, listed.id(), LockModeType.PESSIMISTIC_WRITE);
            if (chat.isHeldBy(disabled.username())) {
                toQueue(chat, admin, holder, chat.platform(), ACCOUNT_DISABLED_NOTE);
            }
        }
    }

    /** The staff note of a conversation handed back because its holder's account was disabled. */
    static final String ACCOUNT_DISABLED_NOTE = "Compte de l'opérateur désactivé : conversation remise dans la file.";

    /** The staff note of a conversation handed back at the end of a shift. */
    static final String OFF_SHIFT_NOTE = "Fin de service de l'opérateur : conversation remise dans la file.";

    /** The staff note of a conversation handed to a colleague at the end of a shift. */
    static final String OFF_SHIFT_TO_COLLEAGUE_NOTE = "Fin de service de l'opérateur : conversation confiée.";

    /** Who the caller may hand a conversation to by name: colleagues of the platform, then psychologists. */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public List<Person> people() {
        Caller caller = directory.currentCaller();
        return em
                .createQuery(
                        "select u from AppUser u where u.platform = :platform and u.enabled = true"
                                + " and u.username <> :me order by u.username",
                        AppUser.class)
                .setParameter("platform", caller.platform())
                .setParameter("me", caller.username())
                .getResultList()
                .stream()
                .filter(u -> u.roles().contains(Role.OPERATOR) || u.roles().contains(Role.PSYCHOLOGIST))
                .map(u -> new Person(u.username(), u.displayName()))
                .toList();
    }

    /** The operators of the caller's platform other than the caller, for handing conversations over at the end of a shift. */
    @RolesAllowed({Role.OPERATOR, Role.PSYCHOLOGIST})
    public List<Person> colleagues() {
        Caller caller = directory.currentCaller();
        return em
                .createQuery(
                        "select u from AppUser u join u.roles r where u.platform = :platform and u.enabled = true"
                                + " and r = :role and u.username <> :me order by u.username",
                        AppUser.class)
                .setParameter("platform", caller.platform())
                .setParameter("role", Role.OPERATOR)
                .setParameter("me", caller.username())
                .getResultList()
                .stream()
                .map(u -> new Person(u.username(), u.displayName()))
                .toList();
    }

    private Chat toPerson(Chat chat, Caller caller, AppUser person, boolean psychologist, String note) {
        Instant now = clock.instant();
        chat.transferTo(person.username(), now);
        workflow.transferConversation(chat.processInstanceId(), caller.actor(), person.username(), null);
        String text = psychologist
                ? "Votre conversation est confiée à un psychologue de la plateforme. Elle continue ici."
                : "Votre conversation est confiée à un autre policier ou gendarme de la plateforme. Elle continue ici.";
        record(chat, caller, ChatMilestone.Kind.TRANSFERRED_TO_PERSON, person.username(), note, text, now);
        return chat;
    }

    private Chat toQueue(Chat chat, Caller caller, Platform platform, String note) {
        return toQueue(chat, caller, caller.actor(), platform, note);
    }

    /** Back to a queue, the engine's step completed as {@code holder} (the caller, or the account an admin disabled). */
    private Chat toQueue(Chat chat, Caller caller, Workflow.Actor holder, Platform platform, String note) {
        Instant now = clock.instant();
        Platform from = chat.platform();
        chat.requeue(platform, now);
        workflow.transferConversation(chat.processInstanceId(), holder, null, platform.name());
        String text = platform == from
                ? "Votre conversation attend un autre interlocuteur de la plateforme. Elle continue ici."
                : platform == Platform.VSS
                        ? "Votre conversation est confiée à la plateforme spécialisée dans les violences sexuelles et"
                                + " sexistes. Elle continue ici."
                        : "Votre conversation est confiée à la plateforme généraliste. Elle continue ici.";
        record(chat, caller, ChatMilestone.Kind.TRANSFERRED_TO_QUEUE, platform.name(), note, text, now);
        if (from != platform) {
            events.fire(new ChatEvent.QueueChanged(chat.id(), from));
        }
        return chat;
    }

    private void record(
            Chat chat, Caller caller, ChatMilestone.Kind kind, String target, String note, String text, Instant now) {
        em.persist(new ChatMilestone(chat.id(), kind, now, caller.username(), chat.platform(), target, note));
        String staffNote =
                "Transfert par " + caller.username() + " vers " + target + (note == null ? "" : ". Note : " + note);
        ChatMessage line = ChatMessage.system(chat.id(), text, staffNote, now);
        em.persist(line);
        em.flush();
        events.fire(new ChatEvent.Posted(chat.id(), chat.platform(), chat.operator(), ChatLine.of(line)));
        events.fire(new ChatEvent.QueueChanged(chat.id(), chat.platform()));
    }

    /** An operator of the chat's platform, enabled, available and under their cap ({@link Operators#checkMayReceive}). */
    private AppUser colleague(Chat chat, Caller caller, String username) {
        AppUser user = named(username);
        if (!user.roles().contains(Role.OPERATOR) || user.platform() != chat.platform()) {
            throw DomainException.invalid(
                    "invalid_target", "Ce destinataire n'est pas un opérateur de la plateforme de la conversation.");
        }
        available(user, caller);
        operators.checkMayReceive(user.username());
        return user;
    }

    private AppUser psychologist(Chat chat, Caller caller, String username) {
        if (chat.platform() != Platform.VSS) {
            throw DomainException.invalid(
                    "invalid_target",
                    "Le psychologue intervient sur la plateforme VSS : transférez d'abord la conversation.");
        }
        if (username != null && !username.isBlank()) {
            AppUser user = named(username);
            if (!user.roles().contains(Role.PSYCHOLOGIST) || user.platform() != chat.platform()) {
                throw DomainException.invalid(
                        "invalid_target", "Ce destinataire n'est pas psychologue de la plateforme.");
            }
            return available(user, caller);
        }
        return em
                .createQuery("select u from AppUser u where u.platform = :platform and u.enabled = true", AppUser.class)
                .setParameter("platform", chat.platform())
                .getResultList()
                .stream()
                .filter(u ->
                        u.roles().contains(Role.PSYCHOLOGIST) && !u.username().equals(caller.username()))
                .min(Comparator.comparingInt((AppUser u) -> held(u.username())).thenComparing(AppUser::username))
                .orElseThrow(() -> DomainException.conflict(
                        "target_not_available", "Aucun psychologue n'est disponible sur la plateforme."));
    }

    private AppUser named(String username) {
        if (username == null || username.isBlank()) {
            throw DomainException.invalid("missing_target", "Choisissez le destinataire du transfert.");
        }
        return directory
                .user(username.trim())
                .orElseThrow(() -> DomainException.invalid("invalid_target", "Destinataire du transfert inconnu."));
    }

    private static AppUser available(AppUser user, Caller caller) {
        if (user.username().equals(caller.username())) {
            throw DomainException.invalid("invalid_target", "Vous tenez déjà cette conversation.");
        }
        if (!user.enabled()) {
            throw DomainException.conflict("target_not_available", "Ce destinataire n'est pas disponible.");
        }
        return user;
    }

    private int held(String username) {
        return em.createNamedQuery(Chat.TAKEN_BY, Chat.class)
                .setParameter("operator", username)
                .getResultList()
                .size();
    }

    private Chat heldChat(long chatId, Caller caller) {
        Chat chat = em.find(Chat.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (chat == null || !caller.worksOn(chat.platform())) {
            throw DomainException.notFound("chat_not_found", "Conversation introuvable.");
        }
        if (!chat.isHeldBy(caller.username())) {
            throw DomainException.conflict("chat_not_held", "Cette conversation n'est pas tenue par vous.");
        }
        return chat;
    }

    static String checkedNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE_LENGTH) {
            throw DomainException.invalid("note_too_long", "La note dépasse 1000 caractères.");
        }
        return note.strip();
    }

    private static Platform other(Platform platform) {
        return platform == Platform.VSS ? Platform.GENERALIST : Platform.VSS;
    }

    /** A transfer, for the audit trail: the target and who or which queue has the chat now (the note stays out). */
    private static Map<String, Object> transferred(Target target, Chat chat) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("target", target.name());
        fields.put("to", chat.operator());
        fields.put("platform", chat.platform().name());
        return fields;
    }
}
