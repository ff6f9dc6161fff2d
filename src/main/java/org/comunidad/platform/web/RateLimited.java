package org.comunidad.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose use each member may make only so often ({@link RateLimits}):
 * each feature marks its own routes, the platform counts. Past the limit the answer is 429 with
 * Retry-After and a message in the member's language.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    Kind value();

    /** What is counted; each kind has its own budget (comunidad.limits.*, see LimitsConfig). */
    enum Kind {
        /** Writing what others read: news, posts, comments, discussions, replies. */
        POSTING,
        /** Files sent to the object store: documents and their new versions. */
        UPLOADS,
        /** Full-text searches. */
        SEARCH
    }
}
