package org.comunidad.discussion;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** A discussion and its reply in a Security subgroup of the demo forum: demo/discussion.sql. */
@ApplicationScoped
public class DiscussionDemo implements DemoContent {

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String script() {
        return "demo/discussion.sql";
    }
}
