package fr.relais.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision tables, evaluated by the DMN engine the process engine embeds, on every combination of
 * category × urgency × danger now × minor victim: each table has the hit policy UNIQUE, so exactly one
 * rule must match each combination (none would leave a report without a decision; two would be a
 * contradiction the engine refuses at run time). Then the decisions the service relies on.
 */
class DecisionTablesTest {
    /** The categories' codes (the qualification component's {@code Category}; ModelContractTest checks both agree). */
    static final List<String> CATEGORIES = List.of(
            "DOMESTIC_VIOLENCE",
            "SEXUAL_VIOLENCE",
            "SEXUAL_VIOLENCE_MINOR",
            "HARASSMENT",
            "THREATS",
            "ONLINE_SCAM",
            "CARD_FRAUD",
            "IDENTITY_THEFT",
            "BURGLARY",
            "THEFT",
            "VEHICLE_THEFT",
            "DAMAGE",
            "DRUG_TRAFFICKING",
            "WEAPONS",
            "RADICALISATION",
            "DISAPPEARANCE",
            "DISAPPEARANCE_MINOR",
            "ROAD_OFFENCE",
            "DISCRIMINATION",
            "ANIMAL_MISTREATMENT",
            "OTHER");

    static final List<String> URGENCIES = List.of("LOW", "NORMAL", "HIGH");
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    static final List<String> TABLES = List.of("Priority", "ServiceLevels", "UnitKind", "Validation");

    private static DmnEngine dmn;

    @BeforeAll
    static void engine() {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Priority", "ServiceLevels", "UnitKind", "Validation"})
    void everyTableIsUniqueAndEveryRuleSaysWhy(String key) {
        DmnModelInstance model = model(key);
        Decision decision = model.getModelElementById(key);
        assertThat(decision).as("decision %s in %s.dmn", key, key).isNotNull();
        assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
        DecisionTable table = (DecisionTable) decision.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        table.getInputs().stream()
                .filter(input ->
                        input.getInputExpression().getText().getTextContent().equals("category"))
                .forEach(input -> assertThat(input.getInputValues().getTextContent())
                        .as("the categories %s names are the ones tested here", key)
                        .isEqualTo(String.join(
                                ",", CATEGORIES.stream().map(c -> '"' + c + '"').toList())));
        assertThat(table.getRules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.getDescription())
                .as("description of %s", rule.getId())
                .isNotNull()
                .extracting(d -> d.getTextContent().strip())
                .asString()
                .hasSizeGreaterThan(20));
    }

    @Test
    void everyCombinationGetsExactlyOneRuleOfEachTable() {
        List<Map<String, Object>> combinations = combinations();
        assertThat(combinations).hasSize(21 * 3 * 2 * 2);
        Map<String, List<String>> matchedRules = new HashMap<>();
        for (Map<String, Object> facts : combinations) {
            for (String key : List.of("Priority", "UnitKind", "Validation")) {
                DmnDecisionTableResult result = evaluate(key, facts);
                assertThat(result.getResultList()).as("%s for %s", key, facts).hasSize(1);
                matchedRules.computeIfAbsent(key, k -> new ArrayList<>()).add(result.getSingleEntry());
            }
            String priority = evaluate("Priority", facts).getSingleEntry();
            assertThat(PRIORITIES).contains(priority);
            DmnDecisionTableResult levels = evaluate("ServiceLevels", Map.of("priority", priority));
            assertThat(levels.getResultList())
                    .as("service levels of %s", priority)
                    .hasSize(1);
        }
        for (String priority : PRIORITIES) {
            assertThat(evaluate("ServiceLevels", Map.of("priority", priority)).getResultList())
                    .as("service levels of %s", priority)
                    .hasSize(1);
        }
        assertThat(matchedRules.get("Priority"))
                .as("every priority is reachable")
                .containsAll(PRIORITIES);
    }

    @Test
    void anUnknownValueMatchesNoRuleAndIsNotSilentlyDecided() {
        Map<String, Object> facts = facts("THEFT", "MEDIUM", false, false);
        assertThat(evaluate("Priority", facts).getResultList()).isEmpty();
        assertThat(evaluate("UnitKind", facts("BICYCLE", "LOW", false, false)).getResultList())
                .isEmpty();
        assertThat(evaluate("ServiceLevels", Map.of("priority", "P5")).getResultList())
                .isEmpty();
    }

    @Test
    void aDangerNowIsAlwaysP1() {
        for (Map<String, Object> facts : combinations()) {
            if ((Boolean) facts.get("dangerNow")) {
                assertThat((String) evaluate("Priority", facts).getSingleEntry())
                        .as("%s", facts)
                        .isEqualTo("P1");
            }
        }
    }

    @Test
    void decidesPrioritiesFromTheFacts() {
        assertThat(priority("THEFT", "LOW", false, false)).isEqualTo("P4");
        assertThat(priority("THEFT", "LOW", false, true)).isEqualTo("P3");
        assertThat(priority("THEFT", "NORMAL", false, false)).isEqualTo("P3");
        assertThat(priority("ONLINE_SCAM", "NORMAL", false, true)).isEqualTo("P2");
        assertThat(priority("ONLINE_SCAM", "HIGH", false, false)).isEqualTo("P2");
        assertThat(priority("ONLINE_SCAM", "HIGH", false, true)).isEqualTo("P1");
        assertThat(priority("DOMESTIC_VIOLENCE", "LOW", false, false)).isEqualTo("P2");
        assertThat(priority("DISAPPEARANCE_MINOR", "NORMAL", false, true)).isEqualTo("P2");
        assertThat(priority("OTHER", "LOW", true, false)).isEqualTo("P1");
    }

    @Test
    void theServiceLevelsAreTheServicesDefaults() {
        assertThat(evaluate("ServiceLevels", Map.of("priority", "P1"))
                        .getSingleResult()
                        .getEntryMap())
                .containsEntry("timeToForward", "PT15M")
                .containsEntry("timeToAcknowledge", "PT1H");
        assertThat(evaluate("ServiceLevels", Map.of("priority", "P3"))
                        .getSingleResult()
                        .getEntryMap())
                .containsEntry("timeToForward", "PT4H")
                .containsEntry("timeToAcknowledge", "PT24H");
        for (String priority : PRIORITIES) {
            evaluate("ServiceLevels", Map.of("priority", priority))
                    .getSingleResult()
                    .getEntryMap()
                    .values()
                    .forEach(value -> assertThat(java.time.Duration.parse((String) value))
                            .as("%s of %s", value, priority)
                            .isPositive());
        }
    }

    @Test
    void sendsEachCategoryToItsKindOfUnit() {
        assertThat(unitKind("DRUG_TRAFFICKING")).isEqualTo("DRUG_UNIT");
        assertThat(unitKind("DOMESTIC_VIOLENCE")).isEqualTo("FAMILY_PROTECTION_UNIT");
        assertThat(unitKind("SEXUAL_VIOLENCE_MINOR")).isEqualTo("FAMILY_PROTECTION_UNIT");
        assertThat(unitKind("DISAPPEARANCE_MINOR")).isEqualTo("FAMILY_PROTECTION_UNIT");
        assertThat(unitKind("ONLINE_SCAM")).isEqualTo("CYBER_UNIT");
        assertThat(unitKind("CARD_FRAUD")).isEqualTo("CYBER_UNIT");
        assertThat(unitKind("BURGLARY")).isEqualTo("TERRITORIAL");
        assertThat(unitKind("OTHER")).isEqualTo("TERRITORIAL");
    }

    @Test
    void sensitiveCategoriesWaitForASupervisorUnlessSomeoneIsInDangerOrAMinorIsMissing() {
        for (Map<String, Object> facts : combinations()) {
            String category = (String) facts.get("category");
            boolean danger = (Boolean) facts.get("dangerNow");
            String expected;
            if (category.equals("DISAPPEARANCE_MINOR")) {
                expected = "AFTER_FORWARDING";
            } else if (List.of("SEXUAL_VIOLENCE_MINOR", "RADICALISATION", "DISAPPEARANCE")
                    .contains(category)) {
                expected = danger ? "AFTER_FORWARDING" : "BEFORE_FORWARDING";
            } else {
                expected = "NONE";
            }
            assertThat((String) evaluate("Validation", facts).getSingleEntry())
                    .as("%s", facts)
                    .isEqualTo(expected);
        }
    }

    @Test
    void dmnlintFindsNothing() throws Exception {
        Path dir = Path.of(System.getProperty("relais.lint.dir", "."));
        Path bin = dir.resolve("node_modules/.bin/dmnlint");
        assertThat(bin)
                .as("dmnlint installed by the build's `npm ci` in processes/")
                .exists();
        for (String key : TABLES) {
            Process lint = new ProcessBuilder(
                            bin.toString(),
                            dir.resolve("src/main/resources/" + key + ".dmn").toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("dmnlint finished").isTrue();
            String output = new String(lint.getInputStream().readAllBytes());
            assertThat(lint.exitValue())
                    .as("dmnlint on %s.dmn:%n%s", key, output)
                    .isZero();
            assertThat(output).doesNotContain("error").doesNotContain("warning");
        }
        assertThat(Files.readString(dir.resolve(".dmnlintrc"))).contains("dmnlint:recommended");
    }

    private static String priority(String category, String urgency, boolean danger, boolean minor) {
        return evaluate("Priority", facts(category, urgency, danger, minor)).getSingleEntry();
    }

    private static String unitKind(String category) {
        return evaluate("UnitKind", facts(category, "NORMAL", false, false)).getSingleEntry();
    }

    static List<Map<String, Object>> combinations() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String category : CATEGORIES) {
            for (String urgency : URGENCIES) {
                for (boolean danger : List.of(false, true)) {
                    for (boolean minor : List.of(false, true)) {
                        all.add(facts(category, urgency, danger, minor));
                    }
                }
            }
        }
        return all;
    }

    private static Map<String, Object> facts(String category, String urgency, boolean danger, boolean minor) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("category", category);
        facts.put("urgency", urgency);
        facts.put("dangerNow", danger);
        facts.put("victimMinor", minor);
        return facts;
    }

    private static final Map<String, DmnDecision> DECISIONS = new HashMap<>();

    private static DmnDecisionTableResult evaluate(String key, Map<String, Object> variables) {
        DmnDecision decision = DECISIONS.computeIfAbsent(key, k -> {
            try (InputStream stream = resource(k)) {
                return dmn.parseDecision(k, stream);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return dmn.evaluateDecisionTable(decision, variables);
    }

    private static DmnModelInstance model(String key) {
        try (InputStream stream = resource(key)) {
            return Dmn.readModelFromStream(stream);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String key) {
        InputStream stream = DecisionTablesTest.class.getClassLoader().getResourceAsStream(key + ".dmn");
        assertThat(stream).as(key + ".dmn on the classpath").isNotNull();
        return stream;
    }
}
