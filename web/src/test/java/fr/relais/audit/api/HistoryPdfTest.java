package fr.relais.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.audit.boundary.HistoryExport;
import fr.relais.audit.boundary.ReportHistory;
import fr.relais.audit.boundary.ReportRow;
import fr.relais.audit.boundary.Verification;
import jakarta.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HistoryPdfTest {
    static final Instant AT = Instant.parse("2026-11-29T09:15:00Z");

    static HistoryExport export(List<ReportHistory.Item> items, Verification verification) {
        return new HistoryExport(
                new ReportRow(
                        7, "RL-ABCD-EFGH", AT, "GENERALIST", "HARASSMENT", "FORWARDED", "operateur", "CSP-GUYANCOURT"),
                new ReportHistory(7, "RL-ABCD-EFGH", List.of(), items),
                verification,
                AT.plusSeconds(3600),
                "auditeur");
    }

    static ReportHistory.Item event(String kind, String key, String value) {
        return new ReportHistory.Item(
                "application",
                kind,
                AT,
                null,
                null,
                "agent-guyancourt",
                "UNIT_AGENT",
                "report:7",
                null,
                1L,
                1L,
                Json.createObjectBuilder().add(key, value).build());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void frenchTextIsDrawnTimesAreInParisAndWhatTheFontLacksIsAQuestionMark() throws IOException {
        byte[] pdf = HistoryPdf.of(export(
                List.of(event("declined", "reason", "Œuvre à Versailles, déjà vu « là-bas » ç 100 € 🙂\u0007fin")),
                new Verification(true, 1, 12, null)));
        String text = text(pdf);
        assertThat(text)
                .contains("Historique du signalement RL-ABCD-EFGH")
                .contains("Plateforme : Plateforme généraliste")
                .contains("Exporté le : 29/11/2026 11:15:00", "Exporté par : auditeur")
                .contains("29/11/2026 10:15:00")
                .contains("12 événements vérifiés")
                .contains("reason : Œuvre à Versailles, déjà vu « là-bas » ç 100 € ? fin");
    }

    @Test
    void formulasAndMarkupStayTextAndTheDocumentHasNoActionLinkOrScript() throws IOException {
        String formula = "=cmd|' /C calc'!A0";
        byte[] pdf = HistoryPdf.of(export(
                List.of(
                        event("declined", "reason", formula),
                        event(
                                "validation_decided",
                                "comment",
                                "<script>alert(1)</script> https://example.org @SUM(1)")),
                new Verification(false, 1, 3, new Verification.Broken("report:7", 2L, 9L, "edited"))));
        assertThat(text(pdf))
                .contains("reason : " + formula)
                .contains("<script>alert(1)</script> https://example.org @SUM(1)")
                .contains("rompue à l'événement n° 2 : événement modifié");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getNames()).isNull();
            for (PDPage page : doc.getPages()) {
                assertThat(page.getAnnotations()).isEmpty();
            }
        }
    }

    @Test
    void aLongTimelineGoesOnOtherPagesAndLongWordsAreCut() throws IOException {
        List<ReportHistory.Item> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(event("message_sent", "messageId", "x".repeat(300) + i));
        }
        byte[] pdf = HistoryPdf.of(export(items, new Verification(true, 1, 200, null)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
        }
        assertThat(text(pdf)).contains("x199");
    }
}
