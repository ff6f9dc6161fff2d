package org.comunidad.member;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.demo.DemoContent;

/** The demo officials and their roles of the demo forum: demo/member.sql. */
@ApplicationScoped
public class MemberDemo implements DemoContent {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String script() {
        return "demo/member.sql";
    }
}
