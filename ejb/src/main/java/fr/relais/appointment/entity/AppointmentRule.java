package fr.relais.appointment.entity;

import fr.relais.appointment.control.SlotCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** One rule of a unit's appointment pattern, in the unit's local time: see {@link SlotCalendar.Rule}. */
@Entity
@Table(name = "appointment_rule")
@NamedQuery(
        name = AppointmentRule.OF_UNIT,
        query = "select r from AppointmentRule r where r.unitCode = :unit order by r.kind, r.dayOfWeek, r.day,"
                + " r.startMinute")
@NamedQuery(name = AppointmentRule.DELETE_OF_UNIT, query = "delete from AppointmentRule r where r.unitCode = :unit")
public class AppointmentRule {
    public static final String OF_UNIT = "AppointmentRule.ofUnit";
    public static final String DELETE_OF_UNIT = "AppointmentRule.deleteOfUnit";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_code", nullable = false, length = 40)
    private String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SlotCalendar.RuleKind kind;

    @Column(name = "day_of_week")
    private Integer dayOfWeek;

    @Column(name = "day")
    private LocalDate day;

    @Column(name = "start_minute")
    private Integer startMinute;

    @Column(name = "end_minute")
    private Integer endMinute;

    @Column(name = "slot_minutes")
    private Integer slotMinutes;

    @Column(name = "desks")
    private Integer desks;

    protected AppointmentRule() {}

    public AppointmentRule(String unitCode, SlotCalendar.Rule rule) {
        this.unitCode = unitCode;
        this.kind = rule.kind();
        this.dayOfWeek = rule.dayOfWeek() == null ? null : rule.dayOfWeek().getValue();
        this.day = rule.day();
        this.startMinute = rule.startMinute();
        this.endMinute = rule.endMinute();
        this.slotMinutes = rule.slotMinutes();
        this.desks = rule.desks();
    }

    public SlotCalendar.Rule rule() {
        return new SlotCalendar.Rule(
                kind,
                dayOfWeek == null ? null : DayOfWeek.of(dayOfWeek),
                day,
                startMinute,
                endMinute,
                slotMinutes,
                desks);
    }
}
