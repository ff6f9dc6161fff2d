package org.comunidad.news;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.text.ImageRoute;

/** A news item's image ({@code NewsResource#image}) may be shown inside members' text. */
@ApplicationScoped
public class NewsImageRoute implements ImageRoute {

    /** /c/{slug}/news/{id}/image */
    public static final Pattern PATTERN = Pattern.compile("/c/[a-z0-9]+(?:-[a-z0-9]+)*/news/[0-9]{1,18}/image");

    @Override
    public Pattern pattern() {
        return PATTERN;
    }
}
