package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.Database;
import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The auditors' exports of a report's history (JSON and PDF) and who may make them, the diagram's data of
 * a report that went through a validation loop, a decline and a reroute, text a citizen typed with script
 * or a spreadsheet formula kept inert in the exports, and the alert a broken chain raises (once). On the
 * shared server: each test makes its own reports; tampering touches only the test's own chain.
 */
class AuditExportSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static final String SCRIPT = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String OTHER_FORMULAS = "@SUM(A1:A9) +1+1 -2+3";

    static Api as(String user) {
        return scenario.as(user);
    }

    private static Long travelled;

    /**
     * A report made from a chat whose citizen wrote script and formulas, through a validation loop (the
     * supervisor's comments quote the citizen), a decline (the unit's reason quotes a formula) and a reroute;
     * made once for the tests of this class that read it.
     */
    static synchronized long travelledReport() {
        if (travelled != null) {
            return travelled;
        }
        long chat = scenario.openChat("Bonjour " + SCRIPT + " " + FORMULA);
        assertThat(as("operateur").post("/chats/" + chat + "/take", null).status())
                .isEqualTo(200);
        var report = as("operateur").post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.json().getJsonNumber("id").longValue();
        assertThat(qualify(id, "NORMAL").status()).isEqualTo(200);
        scenario.awaitStatus(id, "AWAITING_VALIDATION");
        var sentBack = as("superviseur")
                .post(
                        "/reports/" + id + "/validation",
                        "{\"decision\":\"SENT_BACK\",\"comment\":" + Scenario.json("Le citoyen a écrit : " + SCRIPT)
                                + "}");
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "QUALIFYING");
        assertThat(qualify(id, "HIGH").status()).isEqualTo(200);
        scenario.awaitStatus(id, "AWAITING_VALIDATION");
        var approved = as("superviseur")
                .post(
                        "/reports/" + id + "/validation",
                        "{\"decision\":\"APPROVED\",\"comment\":" + Scenario.json(OTHER_FORMULAS) + "}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        assertThat(as("operateur").post("/reports/" + id + "/review", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        var declined = as("agent-guyancourt")
                .post("/reports/" + id + "/decline", "{\"reason\":" + Scenario.json(FORMULA) + "}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "REROUTING");
        assertThat(as("superviseur")
                        .post("/reports/" + id + "/reroute", "{\"unitCode\":\"CSP-VERSAILLES\"}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        travelled = id;
        return id;
    }

    private static Api.Reply qualify(long id, String urgency) {
        return as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"RADICALISATION\",\"urgency\":\"" + urgency + "\",\"dangerNow\":false,"
                                + "\"victimMinor\":false,\"postalCode\":\"78280\",\"commune\":\"Guyancourt\","
                                + "\"factsAt\":\"2026-11-20T21:00:00Z\",\"anonymous\":true,\"narrative\":"
                                + Scenario.json("Propos rapportés : " + SCRIPT + " " + FORMULA) + "}");
    }

    @Test
    void theDiagramGivesTheExactModelThePassesAndTheFlowsOfALoopADeclineAndAReroute() {
        long id = travelledReport();
        var reply = as("auditeur").get("/reports/" + id + "/history/diagram");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> processes = reply.json().getJsonArray("processes").getValuesAs(JsonObject.class);
        assertThat(processes).as("its lifecycle only: no delivery to this unit").hasSize(1);
        JsonObject diagram = processes.get(0);
        assertThat(diagram.getString("definitionId")).startsWith("ReportLifecycle:");
        assertThat(diagram.getString("definitionKey")).isEqualTo("ReportLifecycle");
        String xml = diagram.getString("bpmnXml");
        assertThat(xml).contains("definitions", "id=\"Task_Qualify\"", "id=\"Task_RecordOutcome\"");
        List<JsonObject> activities = diagram.getJsonArray("activities").getValuesAs(JsonObject.class);
        List<String> ids = activities.stream().map(a -> a.getString("id")).toList();
        assertThat(ids.stream().filter("Task_Qualify"::equals))
                .as("qualified twice (the loop)")
                .hasSize(2);
        assertThat(ids.stream().filter("Task_ValidateQualification"::equals)).hasSize(2);
        assertThat(ids.stream().filter("Task_AcknowledgeReport"::equals))
                .as("waiting at the first unit, then at the second")
                .hasSize(2);
        assertThat(ids).contains("Task_RerouteReport", "Task_ReviewAnonymisation", "Task_ResolveCompetence");
        assertThat(ids).as("never reached").doesNotContain("Task_RecordOutcome", "Task_TakeOverReport");
        assertThat(activities)
                .filteredOn(a -> a.getString("id").equals("Task_ValidateQualification"))
                .allSatisfy(a -> {
                    assertThat(a.getString("startedAt")).isNotBlank();
                    assertThat(a.getString("endedAt")).isNotBlank();
                    assertThat(a.getJsonNumber("durationMs").longValue()).isNotNegative();
                });
        assertThat(activities)
                .filteredOn(a -> a.getString("id").equals("Task_AcknowledgeReport"))
                .anySatisfy(a -> assertThat(a.containsKey("endedAt") && !a.isNull("endedAt"))
                        .as("the step it waits in now")
                        .isFalse());
        List<String> flows = diagram.getJsonArray("flows").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
        assertThat(flows)
                .contains(
                        "Flow_ValidationSentBackToQualify",
                        "Flow_ValidationApprovedToAnonymise",
                        "Flow_DeclinedBeforeAcknowledgingToReroute",
                        "Flow_RerouteToAcknowledge")
                .doesNotContain("Flow_UnitAcceptedToRecordOutcome", "Flow_RecordOutcomeToClosed");
        assertThat(flows).allSatisfy(f -> assertThat(xml).contains("id=\"" + f + "\""));

        assertThat(as("admin").get("/reports/" + id + "/history/diagram").status())
                .isEqualTo(200);
        assertThat(as("operateur").get("/reports/" + id + "/history/diagram").status())
                .isEqualTo(403);
        assertThat(as("auditeur").get("/reports/999999999/history/diagram").status())
                .isEqualTo(404);
    }

    private static Long delivered;

    /**
     * A theft in Brioude forwarded to the Haute-Loire's departmental gendarmerie (no other test uses it),
     * which has a system of its own, played by the test: the report ran its lifecycle and one delivery.
     * Made once for the tests that read it.
     */
    static synchronized long deliveredReport() throws Exception {
        if (delivered != null) {
            return delivered;
        }
        try (DeliverySystemIT.FakeUnitSystem system = new DeliverySystemIT.FakeUnitSystem()) {
            system.start();
            system.connect("GENDARMERIE-43");
            long id = DeliverySystemIT.forwardedTo("43040", "GENDARMERIE-43"); // Brioude
            DeliverySystemIT.awaitDelivery(id, d -> "DELIVERED".equals(d.getString("state")));
            delivered = id;
            return id;
        }
    }

    @Test
    void theDiagramsAreThoseOfTheLifecycleAndOfTheDelivery() throws Exception {
        long id = deliveredReport();
        var reply = as("auditeur").get("/reports/" + id + "/history/diagram");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> processes = reply.json().getJsonArray("processes").getValuesAs(JsonObject.class);
        assertThat(processes)
                .extracting(p -> p.getString("definitionKey"))
                .as("the lifecycle first, then the delivery")
                .containsExactly("ReportLifecycle", "Delivery");
        JsonObject delivery = processes.get(1);
        assertThat(delivery.getString("definitionId")).startsWith("Delivery:");
        assertThat(delivery.getString("processInstanceId"))
                .isNotEqualTo(processes.get(0).getString("processInstanceId"));
        assertThat(delivery.getString("bpmnXml")).contains("id=\"Task_DeliverToUnit\"");
        assertThat(delivery.getString("startedAt")).isNotBlank();
        List<JsonObject> activities = delivery.getJsonArray("activities").getValuesAs(JsonObject.class);
        assertThat(activities)
                .extracting(a -> a.getString("id"))
                .contains("StartEvent_DeliveryRequested", "Task_DeliverToUnit", "EndEvent_Delivered");
        assertThat(activities)
                .filteredOn(a -> a.getString("id").equals("Task_DeliverToUnit"))
                .allSatisfy(a ->
                        assertThat(a.getJsonNumber("durationMs").longValue()).isNotNegative());
        assertThat(delivery.getJsonArray("flows").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("Flow_RequestedToDeliver", "Flow_DeliverToDelivered");
        assertThat(processes.get(0).getJsonArray("activities").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("id"))
                .as("the lifecycle's steps stay in its own diagram")
                .contains("Task_AcknowledgeReport")
                .doesNotContain("Task_DeliverToUnit");
    }

    @Test
    void theJsonExportIsADownloadWithTheSummaryTheTimelineTheVerificationAndWhoExported() {
        long id = travelledReport();
        Download json = download("auditeur", id, "json");
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.disposition())
                .startsWith("attachment;")
                .contains("filename=\"historique-")
                .endsWith(".json\"");
        JsonObject export = json.json();
        String reference = export.getJsonObject("report").getString("reference");
        assertThat(reference)
                .isEqualTo(as("operateur").get("/reports/" + id).json().getString("reference"));
        assertThat(export.getJsonObject("report").getString("platform")).isEqualTo("GENERALIST");
        assertThat(export.getJsonObject("report").getString("category")).isEqualTo("RADICALISATION");
        assertThat(export.getJsonObject("report").getString("unitCode")).isNotBlank();
        assertThat(export.getJsonObject("report").getString("status")).isEqualTo("FORWARDED");
        assertThat(export.getJsonObject("verification").getBoolean("holds")).isTrue();
        assertThat(export.getString("exportedBy")).isEqualTo("auditeur");
        assertThat(export.getString("exportedAt")).isNotBlank();
        List<JsonObject> timeline =
                export.getJsonObject("history").getJsonArray("timeline").getValuesAs(JsonObject.class);
        assertThat(timeline).extracting(i -> i.getString("kind")).contains("report_created", "declined", "rerouted");

        assertThat(as("admin")
                        .get("/reports/" + id + "/history")
                        .json()
                        .getJsonArray("timeline")
                        .getValuesAs(JsonObject.class))
                .as("the export is an audit event of the exporter's")
                .anySatisfy(i -> {
                    assertThat(i.getString("kind")).isEqualTo("report_history_exported");
                    assertThat(i.getString("who")).isEqualTo("auditeur");
                    assertThat(i.getJsonObject("details").getString("format")).isEqualTo("json");
                });
    }

    @Test
    void thePdfExportHoldsTheReferenceTheStepsTheVerificationAndWhoExported() throws IOException {
        long id = travelledReport();
        String reference = as("operateur").get("/reports/" + id).json().getString("reference");
        Download pdf = download("admin", id, "pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.disposition()).startsWith("attachment;").endsWith(".pdf\"");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(reference, "Historique du signalement", "Plateforme", "Nature des faits")
                    .contains("Task_Qualify", "Task_ValidateQualification", "Task_RerouteReport")
                    .contains("declined", "rerouted", "forwarded")
                    .contains("Exporté par : admin")
                    .contains("est intacte")
                    .as("accents drawn")
                    .contains("Vérification de la chaîne", "Créé le");
        }
        assertThat(as("admin")
                        .get("/reports/" + id + "/history")
                        .json()
                        .getJsonArray("timeline")
                        .getValuesAs(JsonObject.class))
                .anySatisfy(i -> {
                    assertThat(i.getString("kind")).isEqualTo("report_history_exported");
                    assertThat(i.getString("who")).isEqualTo("admin");
                    assertThat(i.getJsonObject("details").getString("format")).isEqualTo("pdf");
                });
    }

    @Test
    void textACitizenTypedWithScriptOrAFormulaStaysPlainTextInTheExports() throws IOException {
        long id = travelledReport();
        JsonObject export = download("auditeur", id, "json").json();
        List<JsonObject> timeline =
                export.getJsonObject("history").getJsonArray("timeline").getValuesAs(JsonObject.class);
        assertThat(timeline)
                .filteredOn(i -> i.getString("kind").equals("declined"))
                .singleElement()
                .satisfies(i -> assertThat(i.getJsonObject("details").getString("reason"))
                        .as("the formula as the unit typed it, a JSON string")
                        .isEqualTo(FORMULA));
        assertThat(timeline)
                .filteredOn(i -> i.getString("kind").equals("validation_decided"))
                .extracting(i -> i.getJsonObject("details").getString("comment", ""))
                .containsExactly("Le citoyen a écrit : " + SCRIPT, OTHER_FORMULAS);

        Download pdf = download("auditeur", id, "pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).as("the formula as plain text").contains("reason : " + FORMULA);
            assertThat(text).contains("<script>window.__pwned=1</script>", OTHER_FORMULAS);
            assertThat(doc.getDocumentCatalog().getNames())
                    .as("no document-level JavaScript")
                    .satisfiesAnyOf(n -> assertThat(n).isNull(), n -> assertThat(n.getJavaScript())
                            .isNull());
            assertThat(doc.getDocumentCatalog().getOpenAction())
                    .as("no open action")
                    .isNull();
            assertThat(doc.getDocumentCatalog().getAcroForm()).as("no form").isNull();
            for (PDPage page : doc.getPages()) {
                assertThat(page.getAnnotations()).as("no link, no annotation").isEmpty();
            }
        }
    }

    @Test
    void onlyAuditorsAndAdminsExport() {
        long id = scenario.forwardedReport();
        for (String format : List.of("json", "pdf")) {
            assertThat(download("auditeur", id, format).status()).isEqualTo(200);
            assertThat(download("admin", id, format).status()).isEqualTo(200);
            for (String user : List.of("operateur", "superviseur", "agent-guyancourt", "psychologue")) {
                Download refused = download(user, id, format);
                assertThat(refused.status())
                        .as(user + " " + format + " → " + refused.text())
                        .isEqualTo(403);
            }
            assertThat(download(null, id, format).status())
                    .as("anonymous, a citizen")
                    .isEqualTo(401);
            assertThat(download("auditeur", 999_999_999L, format).status()).isEqualTo(404);
        }
    }

    @Test
    void aBrokenChainRaisesOneAlertNamingTheChainAndTheFirstBrokenLink() throws SQLException {
        long id = scenario.forwardedReport();
        assertThat(verify("auditeur", id).getBoolean("holds")).isTrue();
        assertThat(chainAlerts("admin", id)).isEmpty();
        long eventId;
        try (Connection c = connection();
                var find = c.prepareStatement("SELECT id FROM audit_event WHERE chain_key = ? AND seq = 2")) {
            find.setString(1, "report:" + id);
            try (var r = find.executeQuery()) {
                assertThat(r.next()).isTrue();
                eventId = r.getLong(1);
            }
            try (var edit = c.prepareStatement("UPDATE audit_event SET actor = 'intrus' WHERE id = ?")) {
                edit.setLong(1, eventId);
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
        JsonObject broken = verify("auditeur", id);
        assertThat(broken.getBoolean("holds")).as(broken.toString()).isFalse();

        List<JsonObject> alerts = chainAlerts("admin", id);
        assertThat(alerts).as("one alert for the break").hasSize(1);
        JsonObject alert = alerts.get(0);
        assertThat(alert.getString("platform")).isEqualTo("GENERALIST");
        assertThat(alert.getString("detail")).contains("report:" + id, "maillon 2", "événement " + eventId, "edited");
        assertThat(chainAlerts("superviseur", id))
                .as("the platform's supervisors see it too")
                .extracting(a -> a.getJsonNumber("id").longValue())
                .containsExactly(alert.getJsonNumber("id").longValue());

        assertThat(verify("admin", id).getBoolean("holds")).isFalse();
        assertThat(download("auditeur", id, "json")
                        .json()
                        .getJsonObject("verification")
                        .getBoolean("holds"))
                .as("the export says so")
                .isFalse();
        assertThat(chainAlerts("admin", id))
                .as("once per break, not at every verification")
                .hasSize(1);
    }

    private static List<JsonObject> chainAlerts(String user, long reportId) {
        var reply = as(user).get("/alerts");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("kind").equals("AUDIT_CHAIN_BROKEN"))
                .filter(a ->
                        !a.isNull("reportId") && a.getJsonNumber("reportId").longValue() == reportId)
                .toList();
    }

    private static JsonObject verify(String user, long reportId) {
        var reply = as(user).post("/audit/verification", "{\"reportId\":" + reportId + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static Connection connection() throws SQLException {
        Database.Settings db = TestEnvironment.systemDatabase();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }
    }

    /** {@code GET /reports/{id}/history.<format>} as the user (null: no credentials). */
    static Download download(String user, long reportId, String format) {
        var request = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/reports/" + reportId + "/history." + format))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
