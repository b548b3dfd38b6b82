package fr.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginSocketFilterTest {
    @Test
    void aHandshakeFromAPageOfTheSameHostGoesOnAndOneFromAnotherSiteDoesNot() {
        assertThat(SameOriginSocketFilter.sameOrigin("http://localhost:8080", "localhost:8080"))
                .isTrue();
        assertThat(SameOriginSocketFilter.sameOrigin("https://Relais.example.fr", "relais.example.fr"))
                .isTrue();
        assertThat(SameOriginSocketFilter.sameOrigin("https://evil.example", "relais.example.fr"))
                .isFalse();
        assertThat(SameOriginSocketFilter.sameOrigin("http://localhost:9999", "localhost:8080"))
                .isFalse();
        assertThat(SameOriginSocketFilter.sameOrigin("null", "localhost:8080")).isFalse();
        assertThat(SameOriginSocketFilter.sameOrigin("http://localhost:8080", null))
                .isFalse();
        assertThat(SameOriginSocketFilter.sameOrigin(null, "localhost:8080"))
                .as("not a browser: the session is the key")
                .isTrue();
    }
}
