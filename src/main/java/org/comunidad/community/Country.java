package org.comunidad.community;

import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.Localized;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A country, identified by its ISO 3166-1 alpha-2 code. */
@Entity
@Table(name = "country")
public class Country extends PanacheEntityBase {

    @Id
    @Column(length = 2)
    public String code;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "es", column = @Column(name = "name_es")),
            @AttributeOverride(name = "pt", column = @Column(name = "name_pt")),
            @AttributeOverride(name = "en", column = @Column(name = "name_en")) })
    public Localized name;

    public static List<Country> all() {
        return list("order by code");
    }
}
