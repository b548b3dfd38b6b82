package fr.relais.appointment.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.appointment.control.SlotCalendar.Rule;
import fr.relais.appointment.control.SlotCalendar.RuleKind;
import fr.relais.appointment.control.SlotCalendar.Slot;
import fr.relais.shared.DomainException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCalendarTest {
    static Rule weekly(DayOfWeek day, String from, String to, int minutes, int desks) {
        return new Rule(
                        RuleKind.WEEKLY,
                        day,
                        null,
                        SlotCalendar.minutes(from),
                        SlotCalendar.minutes(to),
                        minutes,
                        desks)
                .checked();
    }

    static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    @Test
    void cutsAnOpeningIntoSlotsOfItsLengthAndDropsTheShortRest() {
        var slots = SlotCalendar.slots(
                List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:45", 30, 2)),
                LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 1, 10),
                SlotCalendar.PARIS);
        assertThat(starts(slots))
                .containsExactly(
                        Instant.parse("2027-01-04T08:00:00Z"),
                        Instant.parse("2027-01-04T08:30:00Z"),
                        Instant.parse("2027-01-04T09:00:00Z"));
        assertThat(slots.get(0).desks()).isEqualTo(2);
        assertThat(slots.get(0).end()).isEqualTo(Instant.parse("2027-01-04T08:30:00Z"));
    }

    @Test
    void keepsTheLocalTimeAcrossBothClockChanges() {
        var rules = List.of(
                weekly(DayOfWeek.SATURDAY, "09:00", "09:30", 30, 1), weekly(DayOfWeek.MONDAY, "09:00", "09:30", 30, 1));
        assertThat(starts(SlotCalendar.slots(
                        rules, LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29), SlotCalendar.PARIS)))
                .containsExactly(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(starts(SlotCalendar.slots(
                        rules, LocalDate.of(2027, 10, 30), LocalDate.of(2027, 11, 1), SlotCalendar.PARIS)))
                .containsExactly(Instant.parse("2027-10-30T07:00:00Z"), Instant.parse("2027-11-01T08:00:00Z"));
    }

    @Test
    void skipsTheMissingHourAndTakesTheRepeatedHourOnce() {
        var spring = new Rule(RuleKind.EXTRA, null, LocalDate.of(2027, 3, 28), 120, 210, 30, 1).checked();
        assertThat(starts(SlotCalendar.slots(
                        List.of(spring), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28), SlotCalendar.PARIS)))
                .containsExactly(Instant.parse("2027-03-28T01:00:00Z"));
        var autumn = new Rule(RuleKind.EXTRA, null, LocalDate.of(2027, 10, 31), 120, 180, 30, 1).checked();
        var slots = SlotCalendar.slots(
                List.of(autumn), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31), SlotCalendar.PARIS);
        assertThat(starts(slots))
                .containsExactly(Instant.parse("2027-10-31T00:00:00Z"), Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(slots.get(1).end()).isEqualTo(Instant.parse("2027-10-31T01:00:00Z"));
    }

    @Test
    void aClosedDayRemovesTheWeeklyOpeningsButNotItsExtraSlots() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        var rules = List.of(
                weekly(DayOfWeek.MONDAY, "09:00", "10:00", 60, 1),
                new Rule(RuleKind.CLOSED, null, monday, null, null, null, null).checked(),
                new Rule(RuleKind.EXTRA, null, monday, 14 * 60, 15 * 60, 60, 1).checked());
        assertThat(starts(SlotCalendar.slots(rules, monday, monday.plusDays(7), SlotCalendar.PARIS)))
                .containsExactly(Instant.parse("2027-01-04T13:00:00Z"), Instant.parse("2027-01-11T08:00:00Z"));
    }

    @Test
    void refusesRulesThatMakeNoSense() {
        assertThatThrownBy(() -> weekly(DayOfWeek.MONDAY, "10:00", "09:00", 30, 1))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_times"));
        assertThatThrownBy(() -> weekly(DayOfWeek.MONDAY, "09:00", "09:20", 30, 1))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_slot_length"));
        assertThatThrownBy(() -> weekly(DayOfWeek.MONDAY, "09:00", "10:00", 30, 0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_desks"));
        assertThatThrownBy(() -> SlotCalendar.minutes("9h"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_times"));
        assertThat(SlotCalendar.minutes("24:00")).isEqualTo(1440);
    }
}
