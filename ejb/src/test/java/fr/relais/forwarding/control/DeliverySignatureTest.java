package fr.relais.forwarding.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delivery's signature, against a value computed independently (openssl dgst -sha256 -hmac). */
class DeliverySignatureTest {
    private static final String SECRET = "un-secret-partage-de-test";
    private static final String TIMESTAMP = "1767225600";
    private static final String BODY = "{\"id\":42,\"reference\":\"R-1\"}";

    @Test
    void signsTheTimestampADotAndTheBodyWithTheUnitsSecret() {
        // printf '%s' '1767225600.{"id":42,"reference":"R-1"}' | openssl dgst -sha256 -hmac 'un-secret-partage-de-test'
        assertThat(DeliverySignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("sha256=ad84e43b7683d068d3918aaf8d6d30442ed164145696c443bee837c595c0c800");
    }

    @Test
    void aReceiverAcceptsItAndRefusesAnyChange() {
        String signature = DeliverySignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(DeliverySignature.verify(SECRET, TIMESTAMP, BODY, signature)).isTrue();
        assertThat(DeliverySignature.verify(SECRET, "1767225601", BODY, signature))
                .as("replayed later")
                .isFalse();
        assertThat(DeliverySignature.verify(SECRET, TIMESTAMP, BODY.replace("42", "43"), signature))
                .as("body changed")
                .isFalse();
        assertThat(DeliverySignature.verify("un-autre-secret-de-test", TIMESTAMP, BODY, signature))
                .as("another unit's secret")
                .isFalse();
        assertThat(DeliverySignature.verify(SECRET, TIMESTAMP, BODY, null)).isFalse();
    }

    @Test
    void twoXxIsDeliveredTimeoutsAndServerErrorsAreRetriedOtherRefusalsAreFinal() {
        assertThat(UnitSystemClient.classify(200).verdict()).isEqualTo(UnitSystemClient.Verdict.DELIVERED);
        assertThat(UnitSystemClient.classify(204).verdict()).isEqualTo(UnitSystemClient.Verdict.DELIVERED);
        assertThat(UnitSystemClient.classify(408).verdict()).isEqualTo(UnitSystemClient.Verdict.RETRY);
        assertThat(UnitSystemClient.classify(429).verdict()).isEqualTo(UnitSystemClient.Verdict.RETRY);
        assertThat(UnitSystemClient.classify(500).verdict()).isEqualTo(UnitSystemClient.Verdict.RETRY);
        assertThat(UnitSystemClient.classify(503).code()).isEqualTo("HTTP_503");
        assertThat(UnitSystemClient.classify(400).verdict()).isEqualTo(UnitSystemClient.Verdict.REFUSED);
        assertThat(UnitSystemClient.classify(404).verdict()).isEqualTo(UnitSystemClient.Verdict.REFUSED);
        assertThat(UnitSystemClient.classify(301).verdict()).isEqualTo(UnitSystemClient.Verdict.REFUSED);
    }
}
