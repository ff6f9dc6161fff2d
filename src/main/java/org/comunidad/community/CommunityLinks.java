package org.comunidad.community;

import org.comunidad.platform.web.Links;

import io.quarkus.qute.TemplateExtension;

/**
 * Links to a community's pages in templates: {@code {community.link}},
 * {@code {community.link('news')}}, {@code {community.link('news', item.id, 'edit')}}.
 */
@TemplateExtension
public class CommunityLinks {

    static String link(Community community) {
        return Links.community(community.slug);
    }

    static String link(Community community, Object... parts) {
        return Links.community(community.slug, parts);
    }
}
