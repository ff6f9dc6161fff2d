package org.comunidad.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundle;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Message bundle lookups of templates ({@code {doc:nav}}, {@code {mtg:status(m.status)}}) answered from
 * memory (issue 16). Quarkus resolves such an expression through a generated resolver that compares
 * the message's name with every name of the bundle in turn, then renders the message's own template:
 * in the benchmark's mix, 12.7% of the app's CPU went there. The messages that need nothing but the
 * language, those without parameters and those whose one parameter is an enum or a boolean (a type's,
 * a status's label), always give the same text: this resolver, ahead of Quarkus's for each bundle's
 * namespace, finds them by name and keeps each text once computed (by the bundle's own method, so the
 * text is the one Quarkus gives). A message whose parameters change its text (a count, a name, a
 * date) it finds by name too and has the bundle's method render, without keeping the text; a value
 * of a type the method does not take it leaves to Quarkus's resolver, which then answers as before.
 * The texts kept are bounded by the bundles' messages, their enums' values and the configured
 * languages.
 */
@ApplicationScoped
public class MessageShortcuts {

    /** Above the bundles' own resolvers (priority 1). */
    static final int PRIORITY = 10;

    private static final AtomicLong ANSWERED = new AtomicLong();

    void register(@Observes EngineBuilder builder, BeanManager beans) {
        Set<Class<?>> bundles = new HashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            for (Type type : bean.getTypes()) {
                if (type instanceof Class<?> c && c.isInterface() && c.isAnnotationPresent(MessageBundle.class)) {
                    bundles.add(c);
                }
            }
        }
        List<String> languages = List.of(ConfigProvider.getConfig().getOptionalValue("quarkus.locales", String.class)
                .orElse("").split(","));
        for (Class<?> bundle : bundles) {
            builder.addNamespaceResolver(new Shortcut(bundle, languages));
        }
    }

    /** How many lookups this resolver answered (tests). */
    public static long answered() {
        return ANSWERED.get();
    }

    /** The resolver of one bundle's namespace. */
    static final class Shortcut implements NamespaceResolver {

        private record Key(String language, String name, Object argument) {
        }

        private final Class<?> bundle;
        private final List<String> languages;
        private final String namespace;
        private final String defaultLanguage;
        /** The bundle's instance per language, looked up at first use (not while the engine is built). */
        private volatile Map<String, Object> byLanguage;
        private final Map<String, Method> plain = new HashMap<>();
        private final Map<String, Method> labelled = new HashMap<>();
        /** Messages with other parameters: found by name and rendered by the bundle's method, not kept. */
        private final Map<String, Method> other = new HashMap<>();
        private final Map<Key, String> texts = new ConcurrentHashMap<>();

        Shortcut(Class<?> bundle, List<String> languages) {
            MessageBundle annotation = bundle.getAnnotation(MessageBundle.class);
            this.bundle = bundle;
            this.languages = languages;
            namespace = annotation.value();
            defaultLanguage = annotation.locale();
            Map<String, Integer> names = new HashMap<>();
            for (Method m : bundle.getMethods()) {
                names.merge(m.getName(), 1, Integer::sum);
            }
            for (Method m : bundle.getMethods()) {
                if (names.get(m.getName()) != 1 || m.getReturnType() != String.class || m.isDefault()
                        || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Class<?>[] params = m.getParameterTypes();
                if (params.length == 0) {
                    plain.put(m.getName(), m);
                } else if (params.length == 1 && (params[0].isEnum() || params[0] == boolean.class
                        || params[0] == Boolean.class)) {
                    labelled.put(m.getName(), m);
                } else {
                    other.put(m.getName(), m);
                }
            }
        }

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public int getPriority() {
            return PRIORITY;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            String name = context.getName();
            List<io.quarkus.qute.Expression> params = context.getParams();
            if (params.isEmpty()) {
                Method method = plain.get(name);
                return method == null ? Results.notFound(context)
                        : CompletedStage.of(text(language(context), name, null, method));
            }
            Method method = params.size() == 1 ? labelled.get(name) : null;
            if (method == null) {
                Method any = other.get(name);
                return any == null || any.getParameterCount() != params.size() ? Results.notFound(context)
                        : rendered(context, any, params);
            }
            String language = language(context);
            Class<?> type = method.getParameterTypes()[0];
            return context.evaluate(params.get(0)).thenApply(value -> {
                boolean fits = type.isEnum() ? type.isInstance(value) : value instanceof Boolean;
                return fits ? text(language, name, value, method) : Results.NotFound.from(context);
            });
        }

        /**
         * A message with parameters that change its text (a count, a name): the parameters are
         * evaluated and the bundle's method renders it, as Quarkus's resolver would, without the
         * search through the bundle's names. A value of another type than the method's is left to
         * Quarkus's resolver.
         */
        private CompletionStage<Object> rendered(EvalContext context, Method method, List<io.quarkus.qute.Expression> params) {
            String language = language(context);
            Class<?>[] types = method.getParameterTypes();
            Object[] values = new Object[params.size()];
            CompletionStage<Object> all = CompletedStage.of(null);
            for (int i = 0; i < params.size(); i++) {
                int index = i;
                all = all.thenCompose(ignored -> context.evaluate(params.get(index)).thenApply(value -> {
                    values[index] = value;
                    return null;
                }));
            }
            return all.thenApply(ignored -> {
                for (int i = 0; i < values.length; i++) {
                    Object fitted = fit(types[i], values[i]);
                    if (fitted == NO_FIT) {
                        return Results.NotFound.from(context);
                    }
                    values[i] = fitted;
                }
                Map<String, Object> byLanguage = bundles();
                ANSWERED.incrementAndGet();
                return invoke(method, byLanguage.getOrDefault(language, byLanguage.get(defaultLanguage)), values);
            });
        }

        static final Object NO_FIT = new Object();

        /** The value as the parameter takes it: integers widened to long, NO_FIT when it is not one. */
        static Object fit(Class<?> type, Object value) {
            if (!type.isPrimitive()) {
                return value == null || type.isInstance(value) ? value : NO_FIT;
            }
            if (value == null) {
                return NO_FIT;
            }
            boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte;
            if (type == long.class) {
                return integral ? ((Number) value).longValue() : NO_FIT;
            }
            if (type == int.class) {
                return value instanceof Integer || value instanceof Short || value instanceof Byte
                        ? ((Number) value).intValue() : NO_FIT;
            }
            if (type == boolean.class) {
                return value instanceof Boolean ? value : NO_FIT;
            }
            if (type == double.class) {
                return value instanceof Double || value instanceof Float || integral ? ((Number) value).doubleValue()
                        : NO_FIT;
            }
            return NO_FIT;
        }

        private Map<String, Object> bundles() {
            Map<String, Object> found = byLanguage;
            if (found == null) {
                found = new HashMap<>();
                found.put(defaultLanguage, MessageBundles.get(bundle));
                for (String language : languages) {
                    String tag = language.strip();
                    if (!tag.isEmpty() && !tag.equals(defaultLanguage)) {
                        try {
                            found.put(tag, MessageBundles.get(bundle, Localized.Literal.of(tag)));
                        } catch (RuntimeException e) {
                            // No localized bundle for this language: Quarkus's resolver uses the default one too.
                        }
                    }
                }
                byLanguage = found;
            }
            return found;
        }

        /** The bundle's language for the template's locale, as Quarkus's resolver picks it. */
        private String language(EvalContext context) {
            Map<String, Object> byLanguage = bundles();
            Object locale = context.getAttribute("locale");
            if (locale == null && context.getAttribute("selectedVariant") instanceof Variant variant) {
                locale = variant.getLocale();
            }
            if (locale == null) {
                return defaultLanguage;
            }
            String tag = locale instanceof Locale l ? l.toLanguageTag() : locale.toString();
            if (byLanguage.containsKey(tag)) {
                return tag;
            }
            if (locale instanceof Locale l && byLanguage.containsKey(l.getLanguage())) {
                return l.getLanguage();
            }
            return defaultLanguage;
        }

        private String text(String language, String name, Object argument, Method method) {
            Key key = new Key(language, name, argument);
            String text = texts.get(key);
            if (text == null) {
                // Not computeIfAbsent: the message's template may look up other messages of this bundle.
                Map<String, Object> byLanguage = bundles();
                text = invoke(method, byLanguage.getOrDefault(language, byLanguage.get(defaultLanguage)), argument);
                texts.putIfAbsent(key, text);
            }
            ANSWERED.incrementAndGet();
            return text;
        }

        private static String invoke(Method method, Object bundle, Object argument) {
            return invoke(method, bundle, argument == null ? new Object[0] : new Object[] { argument });
        }

        private static String invoke(Method method, Object bundle, Object[] arguments) {
            try {
                return (String) method.invoke(bundle, arguments);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }
}
