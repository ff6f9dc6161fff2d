package org.comunidad.activity;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** A year of activity in the Security group of the demo forum: demo/activity.sql. */
@ApplicationScoped
public class ActivityDemo implements DemoContent {

    @Override
    public int order() {
        return 80;
    }

    @Override
    public String script() {
        return "demo/activity.sql";
    }
}
