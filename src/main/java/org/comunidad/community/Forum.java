package org.comunidad.community;

import java.util.Optional;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.BaseEntity;
import org.comunidad.platform.persistence.Localized;

/** An intergovernmental forum (PROSUR, CSM, CELAC...) whose working groups use Comunidad. */
@Entity
@Table(name = "forum")
public class Forum extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "es", column = @Column(name = "name_es")),
            @AttributeOverride(name = "pt", column = @Column(name = "name_pt")),
            @AttributeOverride(name = "en", column = @Column(name = "name_en")) })
    public Localized name;

    public static Optional<Forum> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
