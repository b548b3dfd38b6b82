package fr.relais.appointment.boundary;

import fr.relais.appointment.control.BookingCodes;
import fr.relais.appointment.control.Contacts;
import fr.relais.appointment.control.SlotCalendar;
import fr.relais.appointment.control.SlotCalendar.Rule;
import fr.relais.appointment.control.SlotCalendar.RuleKind;
import fr.relais.appointment.control.SlotCalendar.Slot;
import fr.relais.appointment.entity.AppointmentRule;
import fr.relais.appointment.entity.Booking;
import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.intake.boundary.IdempotencyKeys;
import fr.relais.intake.control.Idempotency;
import fr.relais.intake.entity.IdempotencyKey;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Appointment booking. A unit's agents (and administrators, for any unit) publish the unit's pattern;
 * citizens, with no account, see the free slots, book one with a contact and get a code, then look the
 * booking up, move or cancel it with the code. No double booking: bookings of a unit queue behind the
 * unit's row lock, and a unique key on (unit, start, desk) of held bookings stands behind it; bookings of
 * one contact queue behind a lock bucket of the contact, so that the per-contact limit holds under
 * concurrent requests too. Other units do not exist for a unit agent (404).
 */
@Stateless
@PermitAll
public class Appointments {
    static final String UNIT_NOT_FOUND = "unit_not_found";
    static final String BOOKING_NOT_FOUND = "booking_not_found";
    static final int MAX_RANGE_DAYS = 31;
    static final int DEFAULT_RANGE_DAYS = 14;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @PersistenceContext
    EntityManager em;

    @EJB
    Directory directory;

    @EJB
    Communes communes;

    @EJB
    AuditTrail trail;

    @EJB
    IdempotencyKeys idempotencyKeys;

    @Inject
    AppointmentSettings settings;

    Clock clock = Clock.systemUTC();

    /** What a citizen asks to book. */
    public record BookingRequest(String unit, String start, String kind, String category, String contact) {}

    // ---- the unit's side ----

    /** The unit's pattern: its agents, administrators, auditors (read only). */
    @RolesAllowed({Role.UNIT_AGENT, Role.ADMIN, Role.AUDITOR})
    public AppointmentPattern pattern(String unitCode) {
        Unit unit = visibleUnit(unitCode);
        return pattern(unit.code(), rules(unit.code()));
    }

    /** Replaces the unit's whole pattern; bookings already made keep their slots. */
    @RolesAllowed({Role.UNIT_AGENT, Role.ADMIN})
    public AppointmentPattern replacePattern(String unitCode, AppointmentPattern pattern) {
        Unit unit = visibleUnit(unitCode);
        if (pattern == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        List<Rule> rules = SlotCalendar.checked(toRules(pattern));
        em.find(Unit.class, unit.code(), LockModeType.PESSIMISTIC_WRITE);
        em.createNamedQuery(AppointmentRule.DELETE_OF_UNIT)
                .setParameter("unit", unit.code())
                .executeUpdate();
        rules.forEach(r -> em.persist(new AppointmentRule(unit.code(), r)));
        em.flush();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", unit.code());
        fields.put(
                "weekly",
                rules.stream().filter(r -> r.kind() == RuleKind.WEEKLY).count());
        fields.put(
                "exceptions",
                rules.stream().filter(r -> r.kind() != RuleKind.WEEKLY).count());
        trail.record(Chain.appointments(unit.code()), "appointment_pattern_set", fields);
        return pattern(unit.code(), rules);
    }

    /**
     * The unit's bookings (held and cancelled) whose slot starts on the local days {@code from} to
     * {@code to}; the contact only for the unit's own agents.
     */
    @RolesAllowed({Role.UNIT_AGENT, Role.ADMIN, Role.AUDITOR})
    public List<UnitBooking> bookings(String unitCode, String from, String to) {
        Unit unit = visibleUnit(unitCode);
        Caller caller = directory.currentCaller();
        boolean own = caller.has(Role.UNIT_AGENT) && caller.worksIn(unit.code());
        LocalDate first = day(from, today());
        LocalDate last = day(to, first.plusDays(DEFAULT_RANGE_DAYS - 1));
        checkRange(first, last);
        return em.createNamedQuery(Booking.OF_UNIT_BETWEEN, Booking.class)
                .setParameter("unit", unit.code())
                .setParameter("from", startOf(first))
                .setParameter("to", startOf(last.plusDays(1)))
                .getResultStream()
                .map(b -> new UnitBooking(
                        b.id(),
                        b.startsAt(),
                        b.endsAt(),
                        local(b.startsAt()),
                        b.desk(),
                        b.kind().name(),
                        b.category().name(),
                        b.status().name(),
                        own ? b.contact() : null))
                .toList();
    }

    // ---- the citizen's side ----

    /** Units a citizen may book at near a postal code or a commune's name (those covering it). */
    public List<BookingUnit> unitsNear(String place) {
        String query = place == null ? "" : place.strip();
        if (query.length() < 2 || query.length() > 100) {
            throw DomainException.invalid("invalid_place", "Indiquez un code postal ou le nom d'une commune.");
        }
        List<Unit> units;
        if (query.matches("\\d{5}")) {
            units = directory.unitsCovering(query);
        } else {
            Set<String> insee = communes.search(query, 5).stream()
                    .map(c -> c.insee())
                    .collect(Collectors.toCollection(HashSet::new));
            units = directory.unitsCoveringCommunes(insee);
        }
        return units.stream().map(this::bookingUnit).toList();
    }

    /** A unit's public details for booking, by its code (a link from the nearby units' page). */
    public BookingUnit unit(String code) {
        return bookingUnit(existingUnit(code));
    }

    /**
     * The unit's free slots on the local days {@code from} to {@code to} (default: the next 14 days; at
     * most 31), from now to the booking horizon.
     */
    public List<FreeSlot> freeSlots(String unitCode, String from, String to) {
        Unit unit = existingUnit(unitCode);
        LocalDate first = day(from, today());
        LocalDate last = day(to, first.plusDays(DEFAULT_RANGE_DAYS - 1));
        checkRange(first, last);
        Instant now = clock.instant();
        Instant horizon = horizon(now);
        List<Slot> slots = SlotCalendar.slots(rules(unit.code()), first, last, SlotCalendar.PARIS);
        Map<Instant, Long> taken = em.createNamedQuery(Booking.HELD_BETWEEN, Booking.class)
                .setParameter("unit", unit.code())
                .setParameter("from", startOf(first))
                .setParameter("to", startOf(last.plusDays(1)))
                .getResultStream()
                .collect(Collectors.groupingBy(Booking::startsAt, Collectors.counting()));
        List<FreeSlot> free = new ArrayList<>();
        for (Slot slot : slots) {
            int left = slot.desks() - taken.getOrDefault(slot.start(), 0L).intValue();
            if (left > 0 && slot.start().isAfter(now) && !slot.start().isAfter(horizon)) {
                free.add(new FreeSlot(slot.start(), slot.end(), local(slot.start()), left));
            }
        }
        return free;
    }

    /** Books a free slot without an idempotency key. */
    public Booked book(BookingRequest request) {
        return book(request, null);
    }

    /**
     * Books a free slot: 409 {@code slot_taken} when every desk of it is taken, 409 {@code
     * too_many_bookings} when the contact already holds {@code RELAIS_BOOKINGS_PER_CONTACT} future
     * bookings. With an idempotency key, a retry with the same request returns the first booking and its
     * code again, and books nothing (422 {@code idempotency_key_reused} with another request).
     */
    public Booked book(BookingRequest request, String idempotencyKey) {
        if (request == null) {
            throw DomainException.invalid("invalid_body", "Corps de requête manquant.");
        }
        String key = Idempotency.checked(idempotencyKey);
        Booking.Kind kind = kind(request.kind());
        Booking.Category category = category(request.category());
        Instant start = instant(request.start());
        String contact = Contacts.normalised(request.contact());
        Unit unit = existingUnit(request.unit());
        Instant now = clock.instant();
        IdempotencyKey claimed = null;
        if (key != null) {
            String requestHash =
                    Idempotency.requestHash(unit.code(), start.toString(), kind.name(), category.name(), contact);
            String keyHash = Idempotency.keyHash("booking", key);
            Optional<IdempotencyKey> earlier = idempotencyKeys.earlier(keyHash, requestHash, now);
            if (earlier.isPresent()) {
                String code = Idempotency.unseal(earlier.get().sealedToken(), key);
                return new Booked(code, citizenView(byCode(code)));
            }
            claimed = idempotencyKeys.claim(keyHash, requestHash, now);
        }
        lockContact(contact);
        long future = em.createNamedQuery(Booking.FUTURE_OF_CONTACT, Long.class)
                .setParameter("contact", contact)
                .setParameter("now", now)
                .getSingleResult();
        if (future >= settings.bookingsPerContact()) {
            throw DomainException.conflict(
                    "too_many_bookings",
                    "Vous avez déjà " + future + " rendez-vous à venir avec ce contact : annulez-en un d'abord.");
        }
        em.find(Unit.class, unit.code(), LockModeType.PESSIMISTIC_WRITE);
        Slot slot = publishedSlot(unit.code(), start, now);
        int desk = freeDesk(unit.code(), slot, null);
        String code = BookingCodes.next();
        Booking booking = new Booking(
                unit.code(), slot.start(), slot.end(), desk, BookingCodes.hash(code), kind, category, contact, now);
        try {
            em.persist(booking);
            em.flush();
        } catch (PersistenceException e) {
            throw slotTaken();
        }
        trail.recordByCitizen(
                Chain.booking(booking.id()),
                "appointment_booked",
                Map.of(
                        "unit", unit.code(),
                        "start", slot.start().toString(),
                        "kind", kind.name(),
                        "category", category.name()));
        if (claimed != null) {
            claimed.bookedAppointment(Idempotency.seal(code, key));
        }
        return new Booked(code, citizenView(booking));
    }

    /** The booking of a code (404 {@code booking_not_found} for a code nobody was given). */
    public CitizenBooking find(String code) {
        return citizenView(byCode(code));
    }

    /** Cancels the booking: the slot is free again. Cancelling a cancelled booking changes nothing. */
    public CitizenBooking cancel(String code) {
        Booking booking = byCode(code);
        em.refresh(booking, LockModeType.PESSIMISTIC_WRITE);
        if (!booking.isHeld()) {
            return citizenView(booking);
        }
        Instant now = clock.instant();
        notPast(booking, now);
        booking.cancel(now);
        em.flush();
        trail.recordByCitizen(Chain.booking(booking.id()), "appointment_cancelled", Map.of("unit", booking.unitCode()));
        return citizenView(booking);
    }

    /** Moves the booking to another free slot of the same unit; it keeps its code. */
    public CitizenBooking move(String code, String newStart) {
        Instant start = instant(newStart);
        Booking booking = byCode(code);
        em.find(Unit.class, booking.unitCode(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(booking, LockModeType.PESSIMISTIC_WRITE);
        if (!booking.isHeld()) {
            throw DomainException.conflict("booking_cancelled", "Ce rendez-vous est annulé.");
        }
        Instant now = clock.instant();
        notPast(booking, now);
        if (booking.startsAt().equals(start)) {
            return citizenView(booking);
        }
        Instant before = booking.startsAt();
        Slot slot = publishedSlot(booking.unitCode(), start, now);
        int desk = freeDesk(booking.unitCode(), slot, booking.id());
        booking.moveTo(slot.start(), slot.end(), desk);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw slotTaken();
        }
        trail.recordByCitizen(
                Chain.booking(booking.id()),
                "appointment_moved",
                Map.of(
                        "unit",
                        booking.unitCode(),
                        "from",
                        before.toString(),
                        "to",
                        slot.start().toString()));
        return citizenView(booking);
    }

    // ---- retention ----

    /**
     * Retention (called by the privacy component's run, hourly or by an administrator): erases the
     * contact of up to {@code limit} bookings whose slot started before {@code cutoff}; returns how many.
     */
    public int eraseContactsBefore(Instant cutoff, Instant now, int limit) {
        return eraseBefore(cutoff, now, limit);
    }

    private int eraseBefore(Instant cutoff, Instant now, int limit) {
        List<Booking> due = em.createQuery(
                        "select b from Booking b where b.erasedAt is null and b.startsAt < :cutoff order by b.startsAt",
                        Booking.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Booking booking : due) {
            booking.erase(now);
            trail.record(Chain.booking(booking.id()), "appointment_contact_erased", Map.of());
        }
        em.flush();
        return due.size();
    }

    // ---- helpers ----

    private Unit existingUnit(String code) {
        return directory
                .unit(code == null ? null : code.strip())
                .orElseThrow(() -> DomainException.notFound(UNIT_NOT_FOUND, "Unité introuvable."));
    }

    /** The unit if the caller may see it: an admin or auditor any, a unit agent only its own (404 otherwise). */
    private Unit visibleUnit(String code) {
        Caller caller = directory.currentCaller();
        Unit unit = existingUnit(code);
        if (caller.has(Role.ADMIN) || caller.has(Role.AUDITOR) || caller.worksIn(unit.code())) {
            return unit;
        }
        throw DomainException.notFound(UNIT_NOT_FOUND, "Unité introuvable.");
    }

    private List<Rule> rules(String unitCode) {
        return em.createNamedQuery(AppointmentRule.OF_UNIT, AppointmentRule.class)
                .setParameter("unit", unitCode)
                .getResultStream()
                .map(AppointmentRule::rule)
                .toList();
    }

    private BookingUnit bookingUnit(Unit unit) {
        boolean slots = !em.createNamedQuery(AppointmentRule.OF_UNIT, AppointmentRule.class)
                .setParameter("unit", unit.code())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        return new BookingUnit(
                unit.code(), unit.name(), unit.commune(), unit.address(), unit.phone(), unit.openingHours(), slots);
    }

    /** The slot of the unit's pattern starting at {@code start}, in the future and within the horizon. */
    private Slot publishedSlot(String unitCode, Instant start, Instant now) {
        LocalDate day = start.atZone(SlotCalendar.PARIS).toLocalDate();
        Slot slot = SlotCalendar.byStart(SlotCalendar.slots(rules(unitCode), day, day, SlotCalendar.PARIS))
                .get(start);
        if (slot == null) {
            throw DomainException.invalid("unknown_slot", "Ce créneau n'est pas proposé par l'unité.");
        }
        if (!start.isAfter(now) || start.isAfter(horizon(now))) {
            throw DomainException.invalid("slot_out_of_range", "Ce créneau n'est plus ou pas encore réservable.");
        }
        return slot;
    }

    /** The lowest desk of the slot no held booking (but {@code except}) takes; 409 slot_taken when none. */
    private int freeDesk(String unitCode, Slot slot, Long except) {
        Set<Integer> used = em.createNamedQuery(Booking.HELD_BETWEEN, Booking.class)
                .setParameter("unit", unitCode)
                .setParameter("from", slot.start())
                .setParameter("to", slot.start().plusNanos(1000))
                .getResultStream()
                .filter(b -> except == null || b.id() != except)
                .map(Booking::desk)
                .collect(Collectors.toSet());
        for (int desk = 1; desk <= slot.desks(); desk++) {
            if (!used.contains(desk)) {
                return desk;
            }
        }
        throw slotTaken();
    }

    private static DomainException slotTaken() {
        return DomainException.conflict("slot_taken", "Ce créneau vient d'être réservé : choisissez-en un autre.");
    }

    private void lockContact(String contact) {
        String bucket = Contacts.bucket(contact);
        em.createNativeQuery("INSERT IGNORE INTO appointment_contact_lock (bucket) VALUES (?)")
                .setParameter(1, bucket)
                .executeUpdate();
        em.createNativeQuery("SELECT bucket FROM appointment_contact_lock WHERE bucket = ? FOR UPDATE")
                .setParameter(1, bucket)
                .getResultList();
    }

    private Booking byCode(String typed) {
        String code = BookingCodes.normalised(typed);
        if (code == null) {
            throw DomainException.notFound(BOOKING_NOT_FOUND, "Aucun rendez-vous ne correspond à ce code.");
        }
        return em.createNamedQuery(Booking.BY_CODE, Booking.class)
                .setParameter("codeHash", BookingCodes.hash(code))
                .getResultStream()
                .findFirst()
                .orElseThrow(() ->
                        DomainException.notFound(BOOKING_NOT_FOUND, "Aucun rendez-vous ne correspond à ce code."));
    }

    private static void notPast(Booking booking, Instant now) {
        if (!booking.startsAt().isAfter(now)) {
            throw DomainException.conflict("booking_past", "Ce rendez-vous est passé.");
        }
    }

    private CitizenBooking citizenView(Booking b) {
        Unit unit = em.find(Unit.class, b.unitCode());
        return new CitizenBooking(
                b.unitCode(),
                unit == null ? null : unit.name(),
                unit == null ? null : unit.address(),
                b.startsAt(),
                b.endsAt(),
                local(b.startsAt()),
                b.kind().name(),
                b.category().name(),
                b.status().name());
    }

    private static AppointmentPattern pattern(String unitCode, Collection<Rule> rules) {
        List<AppointmentPattern.WeeklyOpening> weekly = new ArrayList<>();
        List<AppointmentPattern.PatternException> exceptions = new ArrayList<>();
        for (Rule r : rules) {
            if (r.kind() == RuleKind.WEEKLY) {
                weekly.add(new AppointmentPattern.WeeklyOpening(
                        r.dayOfWeek().name(),
                        SlotCalendar.hhmm(r.startMinute()),
                        SlotCalendar.hhmm(r.endMinute()),
                        r.slotMinutes(),
                        r.desks()));
            } else {
                exceptions.add(new AppointmentPattern.PatternException(
                        r.day().toString(),
                        r.kind() == RuleKind.CLOSED,
                        SlotCalendar.hhmm(r.startMinute()),
                        SlotCalendar.hhmm(r.endMinute()),
                        r.slotMinutes(),
                        r.desks()));
            }
        }
        weekly.sort(java.util.Comparator.comparing((AppointmentPattern.WeeklyOpening w) -> DayOfWeek.valueOf(w.day()))
                .thenComparing(AppointmentPattern.WeeklyOpening::from));
        exceptions.sort(java.util.Comparator.comparing(AppointmentPattern.PatternException::date));
        return new AppointmentPattern(unitCode, SlotCalendar.PARIS.getId(), weekly, exceptions);
    }

    static List<Rule> toRules(AppointmentPattern pattern) {
        List<Rule> rules = new ArrayList<>();
        for (var w : pattern.weekly() == null ? List.<AppointmentPattern.WeeklyOpening>of() : pattern.weekly()) {
            if (w == null) {
                throw DomainException.invalid("invalid_rule", "Ouverture hebdomadaire vide.");
            }
            rules.add(new Rule(
                    RuleKind.WEEKLY,
                    dayOfWeek(w.day()),
                    null,
                    SlotCalendar.minutes(w.from()),
                    SlotCalendar.minutes(w.to()),
                    w.slotMinutes(),
                    w.desks()));
        }
        for (var x :
                pattern.exceptions() == null ? List.<AppointmentPattern.PatternException>of() : pattern.exceptions()) {
            if (x == null) {
                throw DomainException.invalid("invalid_rule", "Exception vide.");
            }
            LocalDate date = day(x.date(), null);
            if (date == null) {
                throw DomainException.invalid("invalid_date", "Date d'exception manquante (AAAA-MM-JJ).");
            }
            rules.add(new Rule(
                    x.closed() ? RuleKind.CLOSED : RuleKind.EXTRA,
                    null,
                    date,
                    x.closed() ? null : SlotCalendar.minutes(x.from()),
                    x.closed() ? null : SlotCalendar.minutes(x.to()),
                    x.closed() ? null : x.slotMinutes(),
                    x.closed() ? null : x.desks()));
        }
        return rules;
    }

    private static DayOfWeek dayOfWeek(String value) {
        try {
            return DayOfWeek.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_day", "Jour de la semaine inconnu (MONDAY … SUNDAY).");
        }
    }

    private static Booking.Kind kind(String value) {
        return parse(value, Booking.Kind::valueOf, "invalid_kind", "Choisissez plainte ou main courante.");
    }

    private static Booking.Category category(String value) {
        return parse(value, Booking.Category::valueOf, "invalid_category", "Choisissez un motif dans la liste.");
    }

    private static <T> T parse(String value, Function<String, T> valueOf, String code, String message) {
        try {
            if (value == null || value.isBlank()) {
                throw DomainException.invalid(code, message);
            }
            return valueOf.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code, message);
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("invalid_start", "Choisissez un créneau.");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "invalid_start", "Début de créneau invalide (instant ISO-8601, par exemple 2027-01-04T08:00:00Z).");
        }
    }

    static LocalDate day(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid_date", "Date invalide (AAAA-MM-JJ attendu).");
        }
    }

    private static void checkRange(LocalDate first, LocalDate last) {
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
            throw DomainException.invalid("invalid_range", "Période invalide (31 jours au plus, début avant fin).");
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(SlotCalendar.PARIS).toLocalDate();
    }

    private Instant horizon(Instant now) {
        return now.plus(settings.horizonDays(), ChronoUnit.DAYS);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SlotCalendar.PARIS).toInstant();
    }

    static String local(Instant instant) {
        ZoneId zone = SlotCalendar.PARIS;
        return LOCAL.format(instant.atZone(zone));
    }
}
