package org.comunidad.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Country;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One item of a meeting's agenda, in order, with the country that presents it (optional). */
@Entity
@Table(name = "meeting_agenda_item")
public class MeetingAgendaItem extends PanacheEntityBase {

    public static final int TITLE_MAX = 300;
    public static final int MAX_ITEMS = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "presenter_country")
    public Country presenter;
}
