-- Demo data of the meetings (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).
--
-- From seed 001 (the Security group's activity report): the group's three videoconferences of
-- 2019 (section 5.b), Chile's four focal-point workshops of 2019 (section 5.a), the
-- videoconference of 06.08.2020 with its five points agreed (section 6.c), and the DOT
-- subgroup's videoconference of 24.09.2020. The seed gives days, not hours: the videoconferences
-- are set at 10:00 in Santiago (the coordination's zone), the workshops in the morning. Plus one
-- subgroup videoconference next week (relative to now()), so that "Join", the answer and the
-- calendar have something to show.

insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue, place, description,
                     minutes, minutes_by, minutes_at, attendance_at, organizer_id, created_at, updated_at)
select v.uid, c.id, v.title, v.kind, v.status,
       v.starts::timestamp at time zone v.zone, v.ends::timestamp at time zone v.zone, v.zone,
       v.venue, v.place, v.description, v.minutes,
       case when v.minutes is not null then m.id end,
       case when v.minutes is not null then (v.ends::timestamp at time zone v.zone) + interval '2 days' end,
       case when v.status = 'HELD' then (v.ends::timestamp at time zone v.zone) + interval '2 days' end,
       m.id, (v.starts::timestamp at time zone v.zone) - interval '14 days',
       (v.ends::timestamp at time zone v.zone) + interval '2 days'
from (values
 ('seguridad-2019-05-06@demo.prosur.example', 'seguridad', 'admin.prosur',
  'Taller de puntos focales de Chile (1.º)', 'WORKSHOP', 'HELD', '2019-05-06 09:30', '2019-05-06 13:00', 'America/Santiago',
  'PLACE', 'Santiago de Chile, Coordinación Nacional de Chile',
  'Encuentro presencial con los seis ministerios de línea de Chile asignados a PROSUR, el equipo de BID-INTAL y la Coordinación Nacional de Chile.',
  'Capacitación de los representantes de Chile para las áreas temáticas de PROSUR en la metodología de trabajo propuesta.'),
 ('seguridad-2019-08-12@demo.prosur.example', 'seguridad', 'admin.prosur',
  'Taller de puntos focales de Chile (2.º)', 'WORKSHOP', 'HELD', '2019-08-12 09:30', '2019-08-12 13:00', 'America/Santiago',
  'PLACE', 'Santiago de Chile, Coordinación Nacional de Chile',
  'Encuentro presencial con los seis ministerios de línea de Chile asignados a PROSUR, el equipo de BID-INTAL y la Coordinación Nacional de Chile.',
  'Apoyo técnico para la puesta en marcha del diálogo internacional sectorial de los países de PROSUR.'),
 ('seguridad-2019-09-12@demo.prosur.example', 'seguridad', 'admin.prosur',
  'Taller de puntos focales de Chile (3.º)', 'WORKSHOP', 'HELD', '2019-09-12 09:30', '2019-09-12 13:00', 'America/Santiago',
  'PLACE', 'Santiago de Chile, Coordinación Nacional de Chile',
  'Encuentro presencial con los seis ministerios de línea de Chile asignados a PROSUR, el equipo de BID-INTAL y la Coordinación Nacional de Chile.',
  'Elaboración de los Planes Sectoriales de las áreas temáticas.'),
 ('seguridad-2019-11-28@demo.prosur.example', 'seguridad', 'admin.prosur',
  'Taller de puntos focales de Chile (4.º)', 'WORKSHOP', 'HELD', '2019-11-28 09:30', '2019-11-28 13:00', 'America/Santiago',
  'PLACE', 'Santiago de Chile, Coordinación Nacional de Chile',
  'Encuentro presencial con los seis ministerios de línea de Chile asignados a PROSUR, el equipo de BID-INTAL y la Coordinación Nacional de Chile.',
  'Seguimiento de los Planes Sectoriales de las áreas temáticas.'),
 ('seguridad-2019-11-11@demo.prosur.example', 'seguridad', 'coord.seguridad',
  '1.ª Videoconferencia del Grupo de Seguridad', 'VIDEOCONFERENCE', 'HELD', '2019-11-11 10:00', '2019-11-11 11:30',
  'America/Santiago', 'ROOM', null,
  'Presentación de PROSUR y de la plataforma de las comunidades digitales; objetivos específicos del Plan de Trabajo del Grupo.',
  'BID-INTAL realizó una presentación de PROSUR, sus lineamientos y sobre la plataforma de las comunidades digitales.' || chr(10) || chr(10)
  || 'Se comentó acerca de los objetivos específicos del **Plan de Trabajo del Grupo**, solicitando los aportes o comentarios para la próxima videoconferencia.'),
 ('seguridad-2019-11-25@demo.prosur.example', 'seguridad', 'coord.seguridad',
  '2.ª Videoconferencia del Grupo de Seguridad', 'VIDEOCONFERENCE', 'HELD', '2019-11-25 10:00', '2019-11-25 11:30',
  'America/Santiago', 'ROOM', null,
  'Apreciaciones e ideas para el Plan Sectorial; organización del trabajo del grupo.',
  'Se comentaron las apreciaciones e ideas para el **Plan Sectorial** y se acordó conformar tres Subgrupos de Trabajo.'),
 ('seguridad-2019-12-16@demo.prosur.example', 'seguridad', 'coord.seguridad',
  '3.ª Videoconferencia del Grupo de Seguridad', 'VIDEOCONFERENCE', 'HELD', '2019-12-16 10:00', '2019-12-16 11:30',
  'America/Santiago', 'ROOM', null,
  'Aprobación del Plan Sectorial; líderes e integrantes de los subgrupos.',
  'Se aprobó en general el **Plan Sectorial**, se coordinaron los líderes de subgrupos, así como los países interesados en integrarlos, '
  || 'y se invitó a Brasil y Colombia a comunicar su interés por integrar alguno.'),
 ('seguridad-2020-08-06@demo.prosur.example', 'seguridad', 'coord.seguridad',
  'Videoconferencia del Grupo de Seguridad: retomar el trabajo tras la pandemia', 'VIDEOCONFERENCE', 'HELD',
  '2020-08-06 10:00', '2020-08-06 11:30', 'America/Santiago', 'ROOM', null,
  'Resumen general y actualización de las actividades del Grupo de Seguridad; planes de trabajo anuales de los subgrupos.',
  'Se presentó un resumen general y actualización de las actividades que ha desarrollado el Grupo de Seguridad.' || chr(10) || chr(10)
  || 'Chile, Perú, Paraguay y Ecuador informaron sobre los planes de sus subgrupos; Paraguay propuso integrar el tema de '
  || '**Ciberseguridad** al Grupo, por el ambiente propicio para los ciberdelitos que ha provocado la emergencia sanitaria mundial.'),
 ('seguridad-delincuencia-organizada-2020-09-24@demo.prosur.example', 'seguridad-delincuencia-organizada', 'coord.seguridad',
  'Videoconferencia del Subgrupo Combate a la DOT', 'VIDEOCONFERENCE', 'HELD', '2020-09-24 10:00', '2020-09-24 11:30',
  'America/Santiago', 'ROOM', null,
  'Observaciones a la propuesta de Plan de trabajo del Subgrupo enviada por Chile el 02.03.2020.',
  'Se realizó la videoconferencia del Subgrupo y se incorporaron nuevas observaciones al **Plan de trabajo** del Subgrupo.')
) as v(uid, slug, organizer, title, kind, status, starts, ends, zone, venue, place, description, minutes)
join community c on c.slug = v.slug
join member m on m.username = v.organizer;

-- Next week, 10:00 in Asunción (the leader's zone), in the subgroup's room.
insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue, description, organizer_id,
                     created_at, updated_at)
select 'seguridad-asistencia-victimas-next@demo.prosur.example', c.id,
       'Videoconferencia del Subgrupo: diagnóstico regional en materia de trata de personas', 'VIDEOCONFERENCE', 'SCHEDULED',
       (date_trunc('day', now() at time zone 'America/Asuncion') + interval '7 days 10 hours') at time zone 'America/Asuncion',
       (date_trunc('day', now() at time zone 'America/Asuncion') + interval '7 days 11 hours 30 minutes') at time zone 'America/Asuncion',
       'America/Asuncion', 'ROOM',
       'Intercambio de información sobre el estado de situación de cada país en materia de trata de personas, '
       || 'para el diagnóstico regional del Plan de Trabajo del Subgrupo.',
       m.id, now() - interval '2 days', now() - interval '2 days'
from community c, member m
where c.slug = 'seguridad-asistencia-victimas' and m.username = 'lider.victimas';

-- Agendas, with the presenting country where the seed names one.
insert into meeting_agenda_item (meeting_id, position, title, presenter_country)
select mt.id, v.position, v.title, v.country
from (values
 ('seguridad-2019-11-11@demo.prosur.example', 1, 'Presentación de PROSUR y sus lineamientos (BID-INTAL)', null),
 ('seguridad-2019-11-11@demo.prosur.example', 2, 'La plataforma de las comunidades digitales (BID-INTAL)', null),
 ('seguridad-2019-11-11@demo.prosur.example', 3, 'Objetivos específicos del Plan de Trabajo del Grupo', 'CL'),
 ('seguridad-2019-11-25@demo.prosur.example', 1, 'Apreciaciones e ideas para el Plan Sectorial', null),
 ('seguridad-2019-11-25@demo.prosur.example', 2, 'Organización del trabajo del grupo en subgrupos', 'CL'),
 ('seguridad-2019-12-16@demo.prosur.example', 1, 'Aprobación del Plan Sectorial', 'CL'),
 ('seguridad-2019-12-16@demo.prosur.example', 2, 'Líderes de los subgrupos y países interesados en integrarlos', null),
 ('seguridad-2020-08-06@demo.prosur.example', 1, 'Resumen y actualización de las actividades del Grupo de Seguridad', 'CL'),
 ('seguridad-2020-08-06@demo.prosur.example', 2, 'Plan de Trabajo Anual del Subgrupo Combate a la DOT', 'CL'),
 ('seguridad-2020-08-06@demo.prosur.example', 3, 'Propuesta de trabajo anual del Subgrupo Asistencia a las Víctimas de la DOT', 'PY'),
 ('seguridad-2020-08-06@demo.prosur.example', 4, 'Plan del Subgrupo Prevención de Delitos y Violencia de Género', 'EC'),
 ('seguridad-2020-08-06@demo.prosur.example', 5, 'Ciberseguridad', 'PY'),
 ('seguridad-delincuencia-organizada-2020-09-24@demo.prosur.example', 1, 'Observaciones a la propuesta de Plan de trabajo del Subgrupo', 'CL'),
 ('seguridad-asistencia-victimas-next@demo.prosur.example', 1, 'Políticas nacionales y convenios internacionales en materia de trata de personas', null),
 ('seguridad-asistencia-victimas-next@demo.prosur.example', 2, 'Mecanismos de protección y asistencia en los retornos de las víctimas', 'PE'),
 ('seguridad-asistencia-victimas-next@demo.prosur.example', 3, 'Borrador de protocolo regional de asistencia a víctimas de trata', 'PY')
) as v(uid, position, title, country)
join meeting mt on mt.uid = v.uid;

-- Invited countries: the community's (the workshops were Chile's own), with the leader country of
-- a subgroup too.
insert into meeting_country (meeting_id, country_code)
select mt.id, cc.country_code
from meeting mt join community_country cc on cc.community_id = mt.community_id
where mt.uid like '%@demo.prosur.example' and mt.kind <> 'WORKSHOP'
union
select mt.id, c.leader_country
from meeting mt join community c on c.id = mt.community_id
where mt.uid like '%@demo.prosur.example' and c.leader_country is not null
union
select mt.id, 'CL' from meeting mt where mt.uid like '%@demo.prosur.example' and mt.kind = 'WORKSHOP';

-- Attendance by country, from section 3 of the seed: Chile, Ecuador, Peru and Paraguay take an
-- active part; Colombia and Brazil took part at first (the 2019 videoconferences before the
-- third, which invited them to say which subgroup they would join).
update meeting_country mc set attendance = case
        when mc.country_code in ('CL', 'EC', 'PE', 'PY') then 'PRESENT'
        when mc.country_code in ('BR', 'CO') and mt.starts_at < timestamptz '2019-12-01 00:00-03' then 'PRESENT'
        else 'ABSENT' end
from meeting mt
where mt.id = mc.meeting_id and mt.uid like '%@demo.prosur.example' and mt.status = 'HELD';

-- Invited officials: the community's demo members from an invited country, with their answer
-- and, for a meeting held, their country's attendance.
insert into meeting_invitee (meeting_id, member_id, country_code, answer, answered_at, attendance)
select distinct on (mt.id, m.id) mt.id, m.id, coalesce(ms.country_code, m.country_code),
       case when mt.status = 'HELD' then case mc.attendance when 'PRESENT' then 'ATTENDING' else 'NOT_ATTENDING' end
            when m.username = 'lider.victimas' then 'ATTENDING' end,
       case when mt.status = 'HELD' or m.username = 'lider.victimas' then mt.created_at + interval '1 day' end,
       mc.attendance
from meeting mt
join membership ms on ms.community_id = mt.community_id
join member m on m.id = ms.member_id
join meeting_country mc on mc.meeting_id = mt.id and mc.country_code = coalesce(ms.country_code, m.country_code)
where mt.uid like '%@demo.prosur.example' and m.disabled_at is null
order by mt.id, m.id, ms.country_code nulls last;

-- Agreements: 25.11.19 formed the three subgroups; 16.12.2019 approved the sector plan; the five
-- points agreed on 06.08.2020 (section 6.c of the seed).
insert into meeting_agreement (meeting_id, number, text, author_id, created_at, updated_at)
select mt.id, v.number, v.text, mt.organizer_id, mt.ends_at + interval '2 days', mt.ends_at + interval '2 days'
from (values
 ('seguridad-2019-11-25@demo.prosur.example', 1,
  'Conformar tres Subgrupos de Trabajo liderados por países: Combate a la Delincuencia Organizada Transnacional (DOT), '
  || 'Asistencia a las Víctimas de la DOT, y Prevención de Delitos y Violencia de Género.'),
 ('seguridad-2019-12-16@demo.prosur.example', 1, 'Se aprueba en general el Plan Sectorial del Grupo de Seguridad y Combate al Crimen.'),
 ('seguridad-2019-12-16@demo.prosur.example', 2,
  'Los subgrupos serán liderados por Chile (DOT), Paraguay (Asistencia a las Víctimas) y Ecuador (Prevención de Delitos y Violencia de Género).'),
 ('seguridad-2019-12-16@demo.prosur.example', 3, 'Se invita a Brasil y Colombia a comunicar su interés por integrar alguno de los subgrupos.'),
 ('seguridad-2020-08-06@demo.prosur.example', 1,
  'Chile presentó la propuesta de Plan de Trabajo Anual del Subgrupo Combate a la Delincuencia Organizada Transnacional (DOT), '
  || 'que será reenviada para los comentarios de los demás integrantes.'),
 ('seguridad-2020-08-06@demo.prosur.example', 2, 'Perú integrará los tres Subgrupos.'),
 ('seguridad-2020-08-06@demo.prosur.example', 3,
  'Paraguay, como líder del Subgrupo de Asistencia de las Víctimas de la DOT, enviará su propuesta de trabajo anual para conocimiento '
  || 'y comentarios de los demás integrantes, y una propuesta para integrar el tema de Ciberseguridad al Grupo.'),
 ('seguridad-2020-08-06@demo.prosur.example', 4,
  'Ecuador informó que envió su Plan del Subgrupo Prevención de Delitos y Violencia de Género en el mes de marzo.'),
 ('seguridad-2020-08-06@demo.prosur.example', 5, 'Conformar una mesa que incluya el tema de Ciberseguridad para los tres Subgrupos.'),
 ('seguridad-delincuencia-organizada-2020-09-24@demo.prosur.example', 1,
  'Incorporar las nuevas observaciones de los integrantes al Plan de trabajo del Subgrupo.')
) as v(uid, number, text)
join meeting mt on mt.uid = v.uid;

-- Action items, owned by a country (the seed names countries, not people), with their outcome
-- where the seed tells it: the sector plan was delivered on 19.12.2019 (section 5.c) and Paraguay
-- sent its subgroup's plan on 11.08.2020 (section 6).
insert into meeting_action (meeting_id, number, text, owner_country, due_date, status, author_id, created_at, updated_at)
select mt.id, v.number, v.text, v.country, v.due::date, v.status, mt.organizer_id,
       mt.ends_at + interval '2 days', mt.ends_at + interval '2 days'
from (values
 ('seguridad-2019-12-16@demo.prosur.example', 1, 'Entregar formalmente el Plan Sectorial a la Presidencia Pro Tempore de Chile.',
  'CL', '2019-12-19', 'DONE'),
 ('seguridad-2019-12-16@demo.prosur.example', 2, 'Comunicar el interés de Brasil por integrar alguno de los subgrupos.', 'BR', '2020-03-31', 'OPEN'),
 ('seguridad-2019-12-16@demo.prosur.example', 3, 'Comunicar el interés de Colombia por integrar alguno de los subgrupos.', 'CO', '2020-03-31', 'OPEN'),
 ('seguridad-2020-08-06@demo.prosur.example', 1, 'Reenviar la propuesta de Plan de Trabajo Anual del Subgrupo DOT para comentarios.',
  'CL', '2020-08-31', 'DONE'),
 ('seguridad-2020-08-06@demo.prosur.example', 2, 'Enviar la propuesta de Plan del Subgrupo Asistencia a las Víctimas de la DOT.',
  'PY', '2020-08-31', 'DONE'),
 ('seguridad-2020-08-06@demo.prosur.example', 3, 'Enviar una propuesta sobre Ciberseguridad para su análisis por los demás participantes.',
  'PY', '2020-10-30', 'IN_PROGRESS'),
 ('seguridad-delincuencia-organizada-2020-09-24@demo.prosur.example', 1,
  'Circular el Plan de trabajo del Subgrupo con las observaciones incorporadas.', 'CL', '2020-10-30', 'OPEN')
) as v(uid, number, text, country, due, status)
join meeting mt on mt.uid = v.uid;
