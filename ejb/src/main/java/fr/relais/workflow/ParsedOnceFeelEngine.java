package fr.relais.workflow;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for the decision tables, each expression parsed once. Camunda's
 * {@link ScalaFeelEngine} hands feel-scala the expression's text at every evaluation, and feel-scala
 * parses it again each time: the parsing of the tables' cells (lists of twenty category codes) was
 * 8 % of the server's CPU under load (README, "Load"). Here the parsed form of each text is kept and
 * evaluated against the same context Camunda builds, so results and errors are Camunda's: a text that
 * does not parse is left to Camunda, which reports it as before.
 *
 * <p>Bounded: the texts come from the deployed tables (an administrator may deploy new versions);
 * past {@link #MAX_EXPRESSIONS} the kept forms are dropped and parsed again.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {
    static final int MAX_EXPRESSIONS = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public ParsedOnceFeelEngine() {
        super(List.of());
    }

    /** The factory the DMN engine's configuration takes. */
    public static FeelEngineFactory factory() {
        FeelEngine engine = new ParsedOnceFeelEngine();
        return () -> engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variableContext);
        }
        VariableProvider variables = new ContextVariableWrapper(variableContext);
        return (T) value(feelEngine.eval(parsed, context(variables)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
        // as Camunda's: the name of the cell's input, then the decision's variables
        VariableProvider input = new StaticVariableProvider(new camundajar.impl.scala.collection.immutable.Map.Map1<>(
                org.camunda.feel.FeelEngine.UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider variables =
                new CompositeVariableProvider(toScalaList(input, new ContextVariableWrapper(variableContext)));
        return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context(variables))));
    }

    /** How many parsed texts are kept (tests). */
    int kept() {
        return expressions.size() + unaryTests.size();
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    private static ParsedExpression parsed(
            Map<String, ParsedExpression> kept,
            String expression,
            Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parser) {
        ParsedExpression parsed = kept.get(expression);
        if (parsed != null) {
            return parsed;
        }
        Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> result = parser.apply(expression);
        if (!(result instanceof Right<?, ?> right)) {
            return null;
        }
        parsed = (ParsedExpression) right.value();
        if (kept.size() >= MAX_EXPRESSIONS) {
            kept.clear();
        }
        kept.put(expression, parsed);
        return parsed;
    }

    private static Object value(Either<?, ?> result) {
        if (result instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(
                ((org.camunda.feel.FeelEngine.Failure) ((Left<?, ?>) result).value()).message());
    }
}
