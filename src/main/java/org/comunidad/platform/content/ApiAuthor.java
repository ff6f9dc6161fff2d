package org.comunidad.platform.content;

/** The author of content, as the API shows them. */
public record ApiAuthor(long id, String displayName, String country, String institution) {

    public static ApiAuthor of(ContentAuthor author) {
        return author == null ? null
                : new ApiAuthor(author.id(), author.displayName(), author.countryCode(), author.institution());
    }
}
