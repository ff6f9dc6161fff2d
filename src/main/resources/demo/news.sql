-- Demo data of the news (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

-- Conversation in the Security group, after seed 001 (sections 6 and 7): so that the
-- news, posts and discussions tabs of the local run have something to show.
insert into news_item (community_id, author_id, title, body, created_at)
select c.id, m.id, v.title, v.body, now() - v.ago::interval
from (values
 ('coord.seguridad', 'Plan de Trabajo 2021: propuestas de los subgrupos',
  'Las actividades del Plan de Trabajo 2020 no se realizaron debido a la pandemia y fueron reprogramadas para 2021. '
  || 'Los líderes de cada subgrupo presentan sus propuestas para **validación** de los países participantes.', '3 days'),
 ('pf.peru', 'Próxima videoconferencia del Grupo de Trabajo',
  'Se solicitan aportes o comentarios a los objetivos específicos del Plan de Trabajo antes de la próxima VC.', '1 day')
) as v(username, title, body, ago)
join member m on m.username = v.username
join community c on c.slug = 'seguridad';

