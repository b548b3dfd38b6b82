package fr.relais.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    private static final Instant AT = Instant.parse("2026-11-29T01:02:03.123456789Z");

    private static CanonicalForm.Event event(long seq, String prev, String fields) {
        return new CanonicalForm.Event(
                "report:7", seq, AT, "operateur", "OPERATOR", "report_qualified", 7L, null, fields, prev);
    }

    @Test
    void theCanonicalTextIsOneLineOfSortedKeysWithTheInstantToTheMicrosecond() {
        String fields = CanonicalForm.fields(Map.of("b", 2L, "a", "x\"y\n", "c", true));
        assertThat(fields).isEqualTo("{\"a\":\"x\\\"y\\n\",\"b\":2,\"c\":true}");
        assertThat(CanonicalForm.text(event(1, CanonicalForm.GENESIS, fields)))
                .isEqualTo("{\"actor\":\"operateur\",\"actorRole\":\"OPERATOR\",\"at\":\"2026-11-29T01:02:03.123456Z\","
                        + "\"chain\":\"report:7\",\"chatId\":null,\"fields\":" + fields + ",\"form\":1,"
                        + "\"kind\":\"report_qualified\",\"prev\":\"" + CanonicalForm.GENESIS + "\",\"reportId\":7,"
                        + "\"seq\":1}");
    }

    @Test
    void fieldsInAnyInsertionOrderGiveTheSameTextAndHash() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("unit", "CSP-GUYANCOURT");
        one.put("changed", Map.of("urgency", Map.of("before", "NORMAL", "after", "HIGH")));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("changed", Map.of("urgency", Map.of("after", "HIGH", "before", "NORMAL")));
        two.put("unit", "CSP-GUYANCOURT");
        assertThat(CanonicalForm.fields(one)).isEqualTo(CanonicalForm.fields(two));
        assertThat(CanonicalForm.hash(event(1, CanonicalForm.GENESIS, CanonicalForm.fields(one))))
                .isEqualTo(CanonicalForm.hash(event(1, CanonicalForm.GENESIS, CanonicalForm.fields(two))));
    }

    @Test
    void theHashIsSha256OfTheUtf8TextInLowerCaseHex() {
        assertThat(CanonicalForm.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CanonicalForm.sha256("é"))
                .isEqualTo(CanonicalForm.sha256("\u00e9"))
                .hasSize(64);
        var e = event(1, CanonicalForm.GENESIS, "{}");
        assertThat(CanonicalForm.hash(e)).isEqualTo(CanonicalForm.sha256(CanonicalForm.text(e)));
    }

    @Test
    void everyFieldOfTheEventChangesItsHash() {
        var e = event(3, "a".repeat(64), "{\"x\":1}");
        String h = CanonicalForm.hash(e);
        List<CanonicalForm.Event> changed = List.of(
                new CanonicalForm.Event(
                        "report:8",
                        3,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        4,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT.plusNanos(1000),
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "superviseur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "operateur",
                        "SUPERVISOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7", 3, AT, "operateur", "OPERATOR", "forwarded", 7L, null, "{\"x\":1}", "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        8L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        1L,
                        "{\"x\":1}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":2}",
                        "a".repeat(64)),
                new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT,
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "b".repeat(64)));
        assertThat(changed).allSatisfy(c -> assertThat(CanonicalForm.hash(c)).isNotEqualTo(h));
        assertThat(CanonicalForm.hash(event(3, "a".repeat(64), "{\"x\":1}")))
                .as("the same event, the same hash")
                .isEqualTo(h);
        assertThat(CanonicalForm.hash(new CanonicalForm.Event(
                        "report:7",
                        3,
                        AT.plusNanos(1),
                        "operateur",
                        "OPERATOR",
                        "report_qualified",
                        7L,
                        null,
                        "{\"x\":1}",
                        "a".repeat(64))))
                .as("below the microsecond, as the database stores it")
                .isEqualTo(h);
    }

    private static List<ChainCheck.Stored> chain(int n) {
        List<ChainCheck.Stored> events = new ArrayList<>();
        String prev = CanonicalForm.GENESIS;
        for (int i = 1; i <= n; i++) {
            var e = new CanonicalForm.Event(
                    "report:7", i, AT.plusSeconds(i), "operateur", "OPERATOR", "k" + i, 7L, null, "{}", prev);
            String hash = CanonicalForm.hash(e);
            events.add(new ChainCheck.Stored(100 + i, e, hash));
            prev = hash;
        }
        return events;
    }

    @Test
    void aChainHoldsAndEachKindOfTamperingIsFoundWhereItIs() {
        List<ChainCheck.Stored> events = chain(4);
        String head = events.get(3).hash();
        assertThat(ChainCheck.check("report:7", 4, head, events)).isEmpty();

        List<ChainCheck.Stored> edited = new ArrayList<>(events);
        var e = edited.get(1).content();
        edited.set(
                1,
                new ChainCheck.Stored(
                        102,
                        new CanonicalForm.Event(
                                e.chain(),
                                e.seq(),
                                e.at(),
                                "intrus",
                                e.actorRole(),
                                e.kind(),
                                e.reportId(),
                                e.chatId(),
                                e.fields(),
                                e.prev()),
                        edited.get(1).hash()));
        assertThat(ChainCheck.check("report:7", 4, head, edited))
                .hasValue(new ChainCheck.Break("report:7", 2, 102L, ChainCheck.Reason.EDITED));

        List<ChainCheck.Stored> rehashed = new ArrayList<>(edited);
        rehashed.set(
                1,
                new ChainCheck.Stored(
                        102,
                        rehashed.get(1).content(),
                        CanonicalForm.hash(rehashed.get(1).content())));
        assertThat(ChainCheck.check("report:7", 4, head, rehashed))
                .as("an edited event given a new hash breaks the link of the next")
                .hasValue(new ChainCheck.Break("report:7", 3, 103L, ChainCheck.Reason.EDITED));

        List<ChainCheck.Stored> deleted = new ArrayList<>(events);
        deleted.remove(2);
        assertThat(ChainCheck.check("report:7", 4, head, deleted))
                .hasValue(new ChainCheck.Break("report:7", 3, 104L, ChainCheck.Reason.MISSING));

        assertThat(ChainCheck.check("report:7", 4, head, events.subList(0, 3)))
                .as("the last event deleted")
                .hasValue(new ChainCheck.Break("report:7", 4, null, ChainCheck.Reason.MISSING));

        assertThat(ChainCheck.check("report:7", 4, "f".repeat(64), events))
                .hasValue(new ChainCheck.Break("report:7", 4, 104L, ChainCheck.Reason.HEAD_MISMATCH));
    }

    private static AnchorCheck.Anchor anchor(LocalDate day, List<String> heads, String prev) {
        String headsHash = CanonicalForm.headsHash(heads);
        return new AnchorCheck.Anchor(
                day,
                heads.size(),
                headsHash,
                prev,
                CanonicalForm.anchorHash(day.toString(), heads.size(), headsHash, prev));
    }

    @Test
    void anchorsHoldAndAnEditedAnchorOrAChainChangedBeforeTheLatestOneIsFound() {
        List<String> monday = List.of(CanonicalForm.headLine("chat:1", 3, "a".repeat(64)));
        List<String> tuesday = List.of(
                CanonicalForm.headLine("chat:1", 4, "b".repeat(64)),
                CanonicalForm.headLine("report:7", 2, "c".repeat(64)));
        var first = anchor(LocalDate.of(2026, 11, 23), monday, CanonicalForm.GENESIS);
        var second = anchor(LocalDate.of(2026, 11, 24), tuesday, first.hash());
        assertThat(AnchorCheck.firstBroken(List.of(first, second), tuesday)).isEmpty();
        assertThat(AnchorCheck.firstBroken(List.of(), List.of())).isEmpty();

        var forged = new AnchorCheck.Anchor(first.day(), 2, first.headsHash(), first.prevHash(), first.hash());
        assertThat(AnchorCheck.firstBroken(List.of(forged, second), tuesday)).hasValue(first.day());
        var relinked = anchor(second.day(), tuesday, "d".repeat(64));
        assertThat(AnchorCheck.firstBroken(List.of(first, relinked), tuesday))
                .as("an anchor that no longer follows the one before")
                .hasValue(second.day());
        assertThat(AnchorCheck.firstBroken(
                        List.of(first), List.of(CanonicalForm.headLine("chat:1", 2, "e".repeat(64)))))
                .as("the last event before the anchor deleted, its head set back")
                .hasValue(first.day());
        assertThat(AnchorCheck.firstBroken(List.of(first, second), tuesday.subList(0, 1)))
                .as("a whole chain deleted")
                .hasValue(second.day());
    }
}
