package org.comunidad.platform.web;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, form or header value that cannot be what the route expects (a number that is not
 * one, or does not fit): 400 naming the parameter, in the user's language (ErrorPages). A
 * WebApplicationException, so that Quarkus REST passes it on as it is instead of turning it
 * into a bare "not found".
 */
public class BadParameter extends BadRequestException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public BadParameter(String name) {
        super("bad value for parameter " + name);
        this.name = name;
    }

    /** The parameter's name as it appears in the address or the form. */
    public String name() {
        return name;
    }
}
