package fr.relais.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void opensWhatItSealedAtTheSamePlace() {
        SecretKey key = Envelope.newDataKey();
        String sealed = Envelope.seal(key, "Jean Dupont, 06 12 34 56 78 — récit", "report/sealed_original/7");
        assertThat(sealed).doesNotContain("Dupont");
        assertThat(Envelope.open(key, sealed, "report/sealed_original/7"))
                .isEqualTo("Jean Dupont, 06 12 34 56 78 — récit");
    }

    @Test
    void drawsAFreshIvForEachValue() {
        SecretKey key = Envelope.newDataKey();
        assertThat(Envelope.seal(key, "même texte", "p")).isNotEqualTo(Envelope.seal(key, "même texte", "p"));
    }

    @Test
    void refusesAnotherKey() {
        String sealed = Envelope.seal(Envelope.newDataKey(), "secret", "chat_message/text/1");
        assertThatThrownBy(() -> Envelope.open(Envelope.newDataKey(), sealed, "chat_message/text/1"))
                .isInstanceOf(Envelope.SealBroken.class);
    }

    @Test
    void refusesAValueMovedToAnotherRowOrColumn() {
        SecretKey key = Envelope.newDataKey();
        String sealed = Envelope.seal(key, "secret", "chat_message/text/1");
        assertThatThrownBy(() -> Envelope.open(key, sealed, "chat_message/text/2"))
                .isInstanceOf(Envelope.SealBroken.class);
        assertThatThrownBy(() -> Envelope.open(key, sealed, "report/sealed_original/1"))
                .isInstanceOf(Envelope.SealBroken.class);
    }

    @Test
    void refusesAnAlteredValue() {
        SecretKey key = Envelope.newDataKey();
        byte[] raw = Base64.getDecoder().decode(Envelope.seal(key, "secret", "p"));
        raw[raw.length - 1] ^= 1;
        String altered = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> Envelope.open(key, altered, "p")).isInstanceOf(Envelope.SealBroken.class);
    }

    @Test
    void unwrapsADataKeyOnlyWithItsMasterKeyAndOwner() {
        MasterKeys masters = MasterKeys.parse("k1:" + K1, null, false);
        SecretKey data = Envelope.newDataKey();
        String wrapped = Envelope.wrap(masters.current(), data, "data_key/REPORT/1");
        assertThat(Envelope.unwrap(masters.current(), wrapped, "data_key/REPORT/1")
                        .getEncoded())
                .isEqualTo(data.getEncoded());
        assertThatThrownBy(() -> Envelope.unwrap(masters.current(), wrapped, "data_key/REPORT/2"))
                .isInstanceOf(Envelope.SealBroken.class);
        SecretKey other = MasterKeys.parse("k2:" + K2, null, false).current();
        assertThatThrownBy(() -> Envelope.unwrap(other, wrapped, "data_key/REPORT/1"))
                .isInstanceOf(Envelope.SealBroken.class);
    }

    @Test
    void rotationWrapsWithTheCurrentIdAndOldIdsStillUnwrap() {
        MasterKeys before = MasterKeys.parse("k1:" + K1, "k1", false);
        SecretKey data = Envelope.newDataKey();
        String sealed = Envelope.seal(data, "original", "report/sealed_original/3");
        String wrappedByK1 = Envelope.wrap(before.current(), data, "data_key/REPORT/3");

        MasterKeys after = MasterKeys.parse("k1:" + K1 + ", k2:" + K2, "k2", false);
        assertThat(after.currentId()).isEqualTo("k2");
        SecretKey opened = Envelope.unwrap(after.byId("k1").orElseThrow(), wrappedByK1, "data_key/REPORT/3");
        assertThat(Envelope.open(opened, sealed, "report/sealed_original/3")).isEqualTo("original");

        String rewrapped = Envelope.wrap(after.current(), opened, "data_key/REPORT/3");
        MasterKeys retired = MasterKeys.parse("k2:" + K2, "k2", false);
        assertThat(retired.byId("k1")).isEmpty();
        assertThat(Envelope.open(
                        Envelope.unwrap(retired.current(), rewrapped, "data_key/REPORT/3"),
                        sealed,
                        "report/sealed_original/3"))
                .isEqualTo("original");
    }

    @Test
    void masterKeysAreRequiredOutsideADemoAndWellFormed() {
        assertThatThrownBy(() -> MasterKeys.parse(null, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MasterKeys.parse(" ", null, true).currentId()).isEqualTo(MasterKeys.DEMO_ID);
        assertThatThrownBy(
                        () -> MasterKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16]), null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKeys.parse("k1:" + K1, "k9", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKeys.parse("k1:" + K1 + ",k1:" + K2, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKeys.parse("nocolon", null, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
