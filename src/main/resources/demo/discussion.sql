-- Demo data of the discussions (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

insert into discussion (community_id, author_id, title, agenda_topic, opening, deadline, reply_count, last_activity_at, created_at)
select c.id, m.id, 'Protocolo multilateral de asistencia a víctimas',
       'Retorno asistido de víctimas de trata de personas',
       'Propongo trabajar un **protocolo multilateral** de asistencia a las víctimas de la delincuencia organizada, '
       || 'en particular para el retorno asistido de víctimas de trata. ¿Qué mecanismos tiene hoy cada país?',
       current_date + 30, 1, now() - interval '20 hours', now() - interval '2 days'
from member m, community c where m.username = 'lider.victimas' and c.slug = 'seguridad-asistencia-victimas';

insert into discussion_reply (discussion_id, author_id, body, created_at)
select d.id, m.id, 'Perú cuenta con una mesa intersectorial contra la trata; podemos compartir su protocolo de retorno.',
       now() - interval '20 hours'
from discussion d, member m
where d.title = 'Protocolo multilateral de asistencia a víctimas' and m.username = 'pf.peru';

