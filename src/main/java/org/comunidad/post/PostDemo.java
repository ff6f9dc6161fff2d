package org.comunidad.post;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** Posts (and a mention) in Security subgroups of the demo forum: demo/post.sql. */
@ApplicationScoped
public class PostDemo implements DemoContent {

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String script() {
        return "demo/post.sql";
    }
}
