package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Priority;
import fr.relais.qualification.entity.Urgency;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.junit.jupiter.api.Test;

/**
 * The decision tables decide the same with expressions parsed once as with Camunda's own FEEL engine,
 * on every combination of their inputs, evaluated twice (the second time from the kept forms); a cell
 * that does not parse fails the same way.
 */
class ParsedOnceFeelEngineTest {
    private final DmnEngine camunda =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine();
    private final DmnEngine parsedOnce = parsedOnceEngine(feel);

    private static DmnEngine parsedOnceEngine(ParsedOnceFeelEngine feel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> feel);
        return configuration.buildEngine();
    }

    @Test
    void everyTableDecidesTheSameOnEveryCombinationOfItsInputs() {
        int evaluations = 0;
        for (String table : List.of("Priority", "ServiceLevels", "UnitKind", "Validation")) {
            DmnDecision reference = camunda.parseDecision(table, resource(table + ".dmn"));
            DmnDecision tested = parsedOnce.parseDecision(table, resource(table + ".dmn"));
            for (int round = 0; round < 2; round++) {
                for (Map<String, Object> inputs : combinations()) {
                    var expected =
                            camunda.evaluateDecisionTable(reference, inputs).getResultList();
                    var actual =
                            parsedOnce.evaluateDecisionTable(tested, inputs).getResultList();
                    assertThat(actual).as(table + " " + inputs).isEqualTo(expected);
                    evaluations++;
                }
            }
        }
        assertThat(evaluations).isEqualTo(4 * 2 * combinations().size());
        // the tables' input expressions and their cells' distinct texts, parsed once each
        assertThat(feel.kept()).isGreaterThan(20);
    }

    @Test
    void aCellThatDoesNotParseFailsAsWithCamundasEngine() {
        String table =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="Broken" name="Broken">
                    <decisionTable id="t" hitPolicy="UNIQUE">
                      <input id="i"><inputExpression id="ie" typeRef="string"><text>category</text></inputExpression></input>
                      <output id="o" name="out" typeRef="string"/>
                      <rule id="r"><inputEntry id="e"><text>"THEFT",,</text></inputEntry>
                        <outputEntry id="oe"><text>"x"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        Map<String, Object> inputs = Map.of("category", "THEFT");
        DmnDecision reference = camunda.parseDecision("Broken", stream(table));
        DmnDecision tested = parsedOnce.parseDecision("Broken", stream(table));
        String expected = null;
        try {
            camunda.evaluateDecisionTable(reference, inputs);
        } catch (FeelException e) {
            expected = e.getMessage();
        }
        assertThat(expected).contains("failed to parse");
        assertThatThrownBy(() -> parsedOnce.evaluateDecisionTable(tested, inputs))
                .isInstanceOf(FeelException.class)
                .hasMessage(expected);
    }

    private static List<Map<String, Object>> combinations() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Category category : Category.values()) {
            for (Urgency urgency : Urgency.values()) {
                for (boolean dangerNow : new boolean[] {false, true}) {
                    for (boolean victimMinor : new boolean[] {false, true}) {
                        for (Priority priority : Priority.values()) {
                            Map<String, Object> inputs = new HashMap<>();
                            inputs.put("category", category.name());
                            inputs.put("urgency", urgency.name());
                            inputs.put("dangerNow", dangerNow);
                            inputs.put("victimMinor", victimMinor);
                            inputs.put("priority", priority.name());
                            all.add(inputs);
                        }
                    }
                }
            }
        }
        return all;
    }

    private static InputStream resource(String name) {
        InputStream in = ParsedOnceFeelEngineTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
