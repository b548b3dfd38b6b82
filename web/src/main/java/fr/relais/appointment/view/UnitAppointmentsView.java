package fr.relais.appointment.view;

import fr.relais.appointment.boundary.AppointmentPattern;
import fr.relais.appointment.boundary.Appointments;
import fr.relais.appointment.boundary.UnitBooking;
import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * The unit's appointments ({@code /unit/appointments.xhtml}): its weekly pattern and exceptions, edited
 * as rows and saved whole, and its bookings of a period. A unit agent's own unit; an administrator's
 * unit of {@code ?unite=CODE}.
 */
@Named
@ViewScoped
public class UnitAppointmentsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    Appointments appointments;

    @EJB
    Directory directory;

    /** A weekly opening being edited. */
    public static class WeeklyRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String day = DayOfWeek.MONDAY.name();
        private String from = "09:00";
        private String to = "12:00";
        private Integer slotMinutes = 30;
        private Integer desks = 1;

        public String getDay() {
            return day;
        }

        public void setDay(String day) {
            this.day = day;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public Integer getSlotMinutes() {
            return slotMinutes;
        }

        public void setSlotMinutes(Integer slotMinutes) {
            this.slotMinutes = slotMinutes;
        }

        public Integer getDesks() {
            return desks;
        }

        public void setDesks(Integer desks) {
            this.desks = desks;
        }
    }

    /** An exception being edited: a closed day, or extra slots on a day. */
    public static class ExceptionRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String date;
        private boolean closed = true;
        private String from;
        private String to;
        private Integer slotMinutes;
        private Integer desks;

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public boolean isClosed() {
            return closed;
        }

        public void setClosed(boolean closed) {
            this.closed = closed;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public Integer getSlotMinutes() {
            return slotMinutes;
        }

        public void setSlotMinutes(Integer slotMinutes) {
            this.slotMinutes = slotMinutes;
        }

        public Integer getDesks() {
            return desks;
        }

        public void setDesks(Integer desks) {
            this.desks = desks;
        }
    }

    private String unitCode;
    private String unitName;
    private final List<WeeklyRow> weekly = new ArrayList<>();
    private final List<ExceptionRow> exceptions = new ArrayList<>();
    private List<UnitBooking> bookings = List.of();
    private String from;
    private String to;

    @PostConstruct
    void load() {
        Caller caller = directory.currentCaller();
        String asked = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("unite");
        unitCode = caller.has(Role.UNIT_AGENT) && caller.unitCode() != null ? caller.unitCode() : asked;
        if (unitCode == null || unitCode.isBlank()) {
            return;
        }
        try {
            unitName = directory.unit(unitCode).map(u -> u.name()).orElse(unitCode);
            readPattern(appointments.pattern(unitCode));
            search();
        } catch (DomainException e) {
            unitCode = null;
            Messages.refused(e);
        }
    }

    private void readPattern(AppointmentPattern pattern) {
        weekly.clear();
        exceptions.clear();
        for (var w : pattern.weekly()) {
            WeeklyRow row = new WeeklyRow();
            row.day = w.day();
            row.from = w.from();
            row.to = w.to();
            row.slotMinutes = w.slotMinutes();
            row.desks = w.desks();
            weekly.add(row);
        }
        for (var x : pattern.exceptions()) {
            ExceptionRow row = new ExceptionRow();
            row.date = x.date();
            row.closed = x.closed();
            row.from = x.from();
            row.to = x.to();
            row.slotMinutes = x.slotMinutes();
            row.desks = x.desks();
            exceptions.add(row);
        }
    }

    public void addWeekly() {
        weekly.add(new WeeklyRow());
    }

    public void removeWeekly(WeeklyRow row) {
        weekly.remove(row);
    }

    public void addException() {
        exceptions.add(new ExceptionRow());
    }

    public void removeException(ExceptionRow row) {
        exceptions.remove(row);
    }

    public void save() {
        var pattern = new AppointmentPattern(
                unitCode,
                null,
                weekly.stream()
                        .map(w -> new AppointmentPattern.WeeklyOpening(w.day, w.from, w.to, w.slotMinutes, w.desks))
                        .toList(),
                exceptions.stream()
                        .map(x -> new AppointmentPattern.PatternException(
                                x.date,
                                x.closed,
                                x.closed ? null : x.from,
                                x.closed ? null : x.to,
                                x.closed ? null : x.slotMinutes,
                                x.closed ? null : x.desks))
                        .toList());
        try {
            readPattern(appointments.replacePattern(unitCode, pattern));
            Messages.info("appt.unit.saved");
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public void search() {
        try {
            bookings = appointments.bookings(unitCode, from, to);
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    public List<String> getDays() {
        return java.util.Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getUnitName() {
        return unitName;
    }

    public List<WeeklyRow> getWeekly() {
        return weekly;
    }

    public List<ExceptionRow> getExceptions() {
        return exceptions;
    }

    public List<UnitBooking> getBookings() {
        return bookings;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
