package fr.relais.audit.api;

import fr.relais.audit.boundary.HistoryExport;
import fr.relais.audit.boundary.ReportHistory;
import fr.relais.audit.boundary.ReportRow;
import fr.relais.audit.boundary.Verification;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A report's exported history as a PDF (PDFBox): the report's summary, the verification of its chain, who
 * exported it and when, then every timeline item (when in Europe/Paris, who, what, details). Text only:
 * Helvetica with WinAnsi encoding (French accents, œ, «», €); a character it cannot encode is written
 * {@code ?}, control characters as spaces. Nothing in it is a link, an action or a script, whatever the
 * text says: text is drawn, never interpreted.
 */
public final class HistoryPdf {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE);
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 12;

    private final ResourceBundle bundle = ResourceBundle.getBundle("fr.relais.messages", Locale.FRENCH);
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDDocument document;
    private PDPageContentStream out;
    private float y;
    private float width;

    private HistoryPdf() {}

    /** The PDF's bytes. */
    public static byte[] of(HistoryExport export) {
        return new HistoryPdf().render(export);
    }

    private byte[] render(HistoryExport e) {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            ReportRow r = e.report();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(safe(text("export.pdf.title") + " " + r.reference()));
            info.setCreator("Relais");
            newPage();
            line(bold, 14, text("export.pdf.title") + " " + r.reference());
            y -= 6;
            field("export.pdf.reference", r.reference());
            field("export.pdf.platform", label("operators.platform.", r.platform()));
            field("export.pdf.category", label("category.", r.category()));
            field("export.pdf.unit", r.unitCode());
            field("export.pdf.status", label("status.", r.status()));
            field("export.pdf.created", when(r.createdAt()));
            field("export.pdf.verification", verification(e.verification()));
            field("export.pdf.exportedAt", when(e.exportedAt()));
            field("export.pdf.exportedBy", e.exportedBy());
            y -= 6;
            for (var p : e.history().processes()) {
                wrap(
                        regular,
                        SIZE,
                        "• " + text("export.pdf.process") + " " + p.definitionKey() + " v"
                                + p.definitionVersion() + " (" + p.definitionId() + ") — " + when(p.start())
                                + (p.end() == null ? "" : " → " + when(p.end())));
            }
            y -= 6;
            line(
                    bold,
                    11,
                    text("auditor.report.timeline") + " ("
                            + e.history().timeline().size() + ")");
            y -= 2;
            for (ReportHistory.Item i : e.history().timeline()) {
                item(i);
            }
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private void item(ReportHistory.Item i) throws IOException {
        StringBuilder head = new StringBuilder(when(i.at()));
        head.append(" — ").append(text("auditor.source." + i.source()));
        head.append(" — ").append(i.who() == null ? "—" : i.who());
        if (i.role() != null) {
            head.append(" (").append(i.role()).append(")");
        }
        head.append(" — ").append(i.kind());
        if (i.name() != null) {
            head.append(" — ").append(i.name());
        }
        if (i.element() != null) {
            head.append(" [").append(i.element()).append("]");
        }
        if (i.durationMs() != null) {
            head.append(" — ").append(duration(i.durationMs()));
        }
        if (y < MARGIN + 3 * LEADING) {
            newPage();
        }
        wrap(bold, SIZE, head.toString());
        String details = details(i.details());
        if (!details.isEmpty()) {
            wrap(regular, SIZE, "    " + details);
        }
        y -= 3;
    }

    private void field(String key, String value) throws IOException {
        wrap(regular, 10, text(key) + " : " + (value == null || value.isBlank() ? "—" : value));
    }

    private String verification(Verification v) {
        if (v == null) {
            return "—";
        }
        if (v.holds()) {
            return MessageFormat.format(text("auditor.report.holds"), v.events());
        }
        Verification.Broken b = v.firstBroken();
        return MessageFormat.format(text("auditor.report.broken"), b.seq(), label("auditor.reason.", b.reason()));
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        width = page.getMediaBox().getWidth() - 2 * MARGIN;
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void line(PDFont font, float size, String text) throws IOException {
        if (y < MARGIN) {
            newPage();
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(text);
        out.endText();
        y -= Math.max(LEADING, size + 3);
    }

    /** Writes the text on as many lines as it needs (words cut when a word alone is too wide). */
    private void wrap(PDFont font, float size, String raw) throws IOException {
        for (String l : lines(font, size, safe(raw))) {
            line(font, size, l);
        }
    }

    private List<String> lines(PDFont font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            while (width(font, size, word) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            current.append(word);
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Only what Helvetica in WinAnsi can draw: control characters become spaces, the rest {@code ?}. */
    String safe(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                s.append(' ');
                return;
            }
            String one = new String(Character.toChars(c));
            try {
                regular.encode(one);
                bold.encode(one);
                s.append(one);
            } catch (IllegalArgumentException | IOException e) {
                s.append('?');
            }
        });
        return s.toString();
    }

    private String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private String label(String prefix, String value) {
        if (value == null) {
            return null;
        }
        try {
            return bundle.getString(prefix + value);
        } catch (MissingResourceException e) {
            return value;
        }
    }

    static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(PARIS));
    }

    static String duration(long millis) {
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    static String details(JsonObject details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        return details.entrySet().stream()
                .map(e -> e.getKey() + " : " + value(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private static String value(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
