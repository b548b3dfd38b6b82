package fr.relais.shared.view;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.intake.view.QueueView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application is {@code <distributable/>}: every session is written to the data grid, its
 * {@code @ViewScoped} and {@code @SessionScoped} beans with it. A field of a type that is not
 * Serializable makes the whole session attribute unwritable (Payara logs "Cannot serialize session
 * attribute com.sun.faces.application.view.activeViewMaps" and the other instances keep an older
 * copy, or none). This reads the fields of every such bean of the web module, and of the
 * application's classes they hold, and names those that could not be written.
 */
class SessionStateSerializableTest {

    @Test
    void everyFieldOfTheBeansKeptInTheSessionCanBeSerialized() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Class<?>> beans = sessionBeans();
        assertThat(beans).as("the view beans found").contains(QueueView.class);
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            check(bean, bean.getName(), new HashSet<>(), problems);
        }
        assertThat(problems).as("fields a session could not be written with").isEmpty();
    }

    private static void check(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                    continue; // the container's proxies are serializable
                }
                checkType(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static void checkType(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), path, seen, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof GenericArrayType array) {
            checkType(array.getGenericComponentType(), path + "[]", seen, problems);
        } else if (type instanceof WildcardType || type instanceof TypeVariable<?>) {
            // bounded by what is put there: checked where the concrete type is declared
        } else if (type instanceof Class<?> raw) {
            if (raw.isPrimitive() || raw == Clock.class) {
                return; // the views hold Clock.systemUTC(), which is Serializable
            }
            if (raw.isArray()) {
                checkType(raw.getComponentType(), path + "[]", seen, problems);
                return;
            }
            if (raw == List.class
                    || raw == Map.class
                    || raw == Set.class
                    || raw == Collection.class
                    || raw == Optional.class) {
                if (raw == Optional.class) {
                    problems.add(path + ": Optional is not Serializable");
                }
                return; // the implementations the code builds (List.of, ArrayList, HashMap...) are
            }
            if (!Serializable.class.isAssignableFrom(raw)) {
                problems.add(path + ": " + raw.getName() + " is not Serializable");
                return;
            }
            if (raw.getName().startsWith("fr.relais.")) {
                check(raw, path, seen, problems);
            }
        }
    }

    private static List<Class<?>> sessionBeans() throws IOException, URISyntaxException {
        Path classes = Path.of(QueueView.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, QueueView.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }
}
