package org.comunidad.news;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** News of the Security group of the demo forum: demo/news.sql. */
@ApplicationScoped
public class NewsDemo implements DemoContent {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String script() {
        return "demo/news.sql";
    }
}
