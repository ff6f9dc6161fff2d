package org.comunidad.post;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The reactions offered under a post, in display order ({@code inject:postKinds.all}). */
@Named("postKinds")
@ApplicationScoped
public class PostKinds {

    public List<PostReaction.Kind> getAll() {
        return List.of(PostReaction.Kind.values());
    }
}
