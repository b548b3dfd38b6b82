package fr.relais.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class UtcInstantConverterTest {
    private final UtcInstantConverter converter = new UtcInstantConverter();

    @Test
    void storesTheInstantAsItsUtcWallClock() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z"); // a DST change night in Paris
        assertThat(converter.convertToDatabaseColumn(instant))
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 30, 0, 123_456_000));
        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(instant)))
                .isEqualTo(instant);
    }

    @Test
    void keepsNullsNull() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }
}
