package org.comunidad.news;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.text.StoredText;

/** A news item's text, stored rendered (its page highlights no mentions). */
@ApplicationScoped
public class NewsStoredText implements StoredText {

    @Override
    public List<Column> columns() {
        return List.of(new Column("news_item", "body", null));
    }
}
