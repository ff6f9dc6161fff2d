package org.comunidad.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Whole numbers in the query, forms and headers (page numbers, ids of folders, members and
 * notifications): a value that is not a number, or one too large for its type, is answered 400
 * with the parameter's name ({@link BadParameter}) instead of the "not found" page that JAX-RS
 * gives by default for the query. A blank value counts as absent (an empty choice in a form),
 * which is the {@code @DefaultValue} where there is one. Path parameters keep the default: an id
 * in the path that is no number names nothing, 404.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> parse;
        if (rawType == Long.class || rawType == long.class) {
            parse = Long::valueOf;
        } else if (rawType == Integer.class || rawType == int.class) {
            parse = Integer::valueOf;
        } else {
            return null;
        }
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        String fallback = defaultValue(annotations);
        boolean primitive = rawType.isPrimitive();
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                String text = value == null || value.isBlank() ? fallback : value.strip();
                if (text == null) {
                    if (primitive) {
                        throw new BadParameter(name);
                    }
                    return null;
                }
                try {
                    return parse.apply(text);
                } catch (NumberFormatException e) {
                    throw new BadParameter(name);
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** The parameter's name if it comes from the query, a form or a header; null otherwise. */
    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = null;
            if (annotation instanceof QueryParam q) {
                name = q.value();
            } else if (annotation instanceof FormParam f) {
                name = f.value();
            } else if (annotation instanceof HeaderParam h) {
                name = h.value();
            } else if (annotation instanceof RestQuery q) {
                name = q.value();
            } else if (annotation instanceof RestForm f) {
                name = f.value();
            } else if (annotation instanceof RestHeader h) {
                name = h.value();
            }
            if (name != null) {
                // @RestForm without a value is named after the Java parameter, which is not known here.
                return name;
            }
        }
        return null;
    }

    private static String defaultValue(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue d) {
                return d.value();
            }
        }
        return null;
    }
}
