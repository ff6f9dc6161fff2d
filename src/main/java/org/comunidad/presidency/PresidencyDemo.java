package org.comunidad.presidency;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** The pro tempore presidencies of the demo forum: demo/presidency.sql. */
@ApplicationScoped
public class PresidencyDemo implements DemoContent {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String script() {
        return "demo/presidency.sql";
    }
}
