package fr.relais.appointment.view;

import fr.relais.appointment.boundary.Appointments;
import fr.relais.appointment.boundary.Booked;
import fr.relais.appointment.boundary.BookingUnit;
import fr.relais.appointment.boundary.FreeSlot;
import fr.relais.appointment.entity.Booking;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A citizen books an appointment ({@code /citoyen/rendez-vous.xhtml}, no account, no script needed):
 * the unit (found from a postal code or a commune, or given by {@code ?unite=CODE}), a free slot, what
 * for, and a contact; the booking code is shown once. Refusals are shown as the domain words them, next
 * to the field they name.
 */
@Named
@ViewScoped
public class BookingView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int DAYS = 14;
    private static final Set<String> CONTACT_ERRORS = Set.of("missing_contact", "invalid_email", "invalid_phone");

    @EJB
    Appointments appointments;

    private String place;
    private List<BookingUnit> units;
    private BookingUnit unit;
    private LocalDate from;
    private List<FreeSlot> slots = List.of();
    private String start;
    private String kind;
    private String category;
    private String contact;
    private Booked booked;
    private String error;
    private String errorCode;

    @PostConstruct
    void init() {
        String code = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("unite");
        if (code != null && !code.isBlank()) {
            choose(code);
        }
    }

    public void search() {
        clearError();
        try {
            units = appointments.unitsNear(place);
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void choose(String code) {
        clearError();
        try {
            unit = appointments.unit(code);
            from = LocalDate.now(PARIS);
            loadSlots();
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void changeUnit() {
        unit = null;
        slots = List.of();
        start = null;
        clearError();
    }

    public void later() {
        from = from.plusDays(DAYS);
        loadSlots();
    }

    public void earlier() {
        LocalDate today = LocalDate.now(PARIS);
        from = from.minusDays(DAYS).isBefore(today) ? today : from.minusDays(DAYS);
        loadSlots();
    }

    private void loadSlots() {
        slots = appointments.freeSlots(
                unit.code(), from.toString(), from.plusDays(DAYS - 1).toString());
    }

    public void book() {
        clearError();
        try {
            booked = appointments.book(new Appointments.BookingRequest(unit.code(), start, kind, category, contact));
        } catch (DomainException e) {
            refused(e);
            if ("slot_taken".equals(e.code())) {
                start = null;
                loadSlots();
            }
        }
    }

    private void refused(DomainException e) {
        error = e.getMessage();
        errorCode = e.code();
    }

    private void clearError() {
        error = null;
        errorCode = null;
    }

    public boolean isContactError() {
        return errorCode != null && CONTACT_ERRORS.contains(errorCode);
    }

    public boolean isSlotError() {
        return errorCode != null && (errorCode.contains("slot") || errorCode.equals("invalid_start"));
    }

    public List<String> getKinds() {
        return Arrays.stream(Booking.Kind.values()).map(Enum::name).toList();
    }

    public List<String> getCategories() {
        return Arrays.stream(Booking.Category.values()).map(Enum::name).toList();
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public List<BookingUnit> getUnits() {
        return units;
    }

    public BookingUnit getUnit() {
        return unit;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return from == null ? null : from.plusDays(DAYS - 1);
    }

    public boolean isFirstPeriod() {
        return from == null || !from.isAfter(LocalDate.now(PARIS));
    }

    public List<FreeSlot> getSlots() {
        return slots;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public Booked getBooked() {
        return booked;
    }

    public String getError() {
        return error;
    }

    public String getErrorCode() {
        return errorCode;
    }
}
