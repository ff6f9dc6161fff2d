-- Demo data of the posts (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

insert into post (community_id, group_id, author_id, body, created_at)
select c.id, c.parent_id, m.id, v.body, now() - v.ago::interval
from (values
 ('lider.victimas', 'seguridad-asistencia-victimas',
  'Comparto la propuesta de diagnóstico regional sobre trata de personas para el segundo semestre. '
  || 'Agradeceré sus comentarios, en particular de @pf.peru sobre los retornos asistidos.', '2 days'),
 ('pf.peru', 'seguridad-asistencia-victimas',
  'Perú puede presentar su experiencia de coordinación interinstitucional con los países de origen de las víctimas.', '1 day'),
 ('coord.seguridad', 'seguridad-delincuencia-organizada',
  'Chile envió la propuesta de Plan de Trabajo Anual del subgrupo DOT: quedan dos semanas para comentarios.', '5 hours')
) as v(username, slug, body, ago)
join member m on m.username = v.username
join community c on c.slug = v.slug;

insert into mention (community_id, member_id, author_id, source_type, source_id)
select p.community_id, m.id, p.author_id, 'POST', p.id
from post p join member m on m.username = 'pf.peru'
where p.body like '%@pf.peru%';

