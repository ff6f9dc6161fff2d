package org.comunidad.community;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** The countries, the forum, its working groups and subgroups of the demo forum: demo/community.sql. */
@ApplicationScoped
public class CommunityDemo implements DemoContent {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String script() {
        return "demo/community.sql";
    }
}
