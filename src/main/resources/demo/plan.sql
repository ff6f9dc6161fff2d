-- Demo data of the work plans (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).
--
-- From seed 001 (the Security group's activity report): the group's sector plan, validated when
-- it was delivered (19.12.2019, section 5.c), its general objective (section 2) and the three
-- subgroups' specific objectives (section 4), each owned by its subgroup. The three 2021 work
-- plans of section 7 are not written here: PlanDemo imports them through the import itself
-- (demo/plan/*.csv), then adds a few tasks, one of them overdue and one following a meeting's
-- action item.

insert into plan (community_id, scheme_id, title, start_year, end_year, status, validated_by, validated_at, created_by,
                  created_at, updated_at)
select c.id, s.id, 'Plan Sectorial del Grupo de Trabajo de Seguridad y Combate al Crimen 2020-2024', 2020, 2024,
       'VALIDATED', m.id, timestamptz '2019-12-19 12:00:00-03', m.id, timestamptz '2019-12-16 12:00:00-03',
       timestamptz '2019-12-19 12:00:00-03'
from community c, plan_scheme s, member m
where c.slug = 'seguridad' and s.code = 'prosur' and m.username = 'coord.seguridad'
order by s.forum_id nulls last
limit 1;

insert into plan_item (plan_id, parent_id, depth, position, community_id, title, created_by)
select p.id, null, 1, 0, p.community_id,
       'El trabajo articulado y colaborativo en la neutralización de las organizaciones criminales que facilitan la '
       || 'ocurrencia de delitos transnacionales, así como en la atención coordinada y oportuna de sus víctimas.',
       p.created_by
from plan p join community c on c.id = p.community_id
where c.slug = 'seguridad';

update plan_item i set description = 'Específicamente, promoverán la cooperación policial que facilite el intercambio de '
    || 'información de manera expedita entre las autoridades policiales de los países de la región para combatir '
    || 'conjuntamente el crimen organizado transnacional y generar protocolos multilaterales de asistencia a las víctimas '
    || 'de la delincuencia organizada, en particular en lo que respecta al retorno asistido de víctimas de trata de personas.'
from plan p join community c on c.id = p.community_id
where i.plan_id = p.id and i.depth = 1 and c.slug = 'seguridad';

insert into plan_item (plan_id, parent_id, depth, position, community_id, title, created_by)
select g.plan_id, g.id, 2, v.position, s.id, v.title, g.created_by
from (values
 (0, 'seguridad-delincuencia-organizada', 'Promover el intercambio de información, buenas prácticas y cooperación acerca de '
     || 'los delitos descritos en el objetivo 1 y analizar la creación de un Centro de Cooperación Regional por el cual se '
     || 'pueda coordinar acciones conjuntas para el combate de las DOT.'),
 (1, 'seguridad-asistencia-victimas', 'Fortalecer los mecanismos especializados de protección y asistencia en los retornos '
     || 'de las víctimas de trata de personas.'),
 (2, 'seguridad-prevencion-violencia-genero', 'Promover el intercambio de experiencias e información acerca del tratamiento '
     || 'del delito y la violencia.')
) as v(position, slug, title)
join community s on s.slug = v.slug
join plan_item g on g.depth = 1 and g.parent_id is null
join plan p on p.id = g.plan_id
join community c on c.id = p.community_id and c.slug = 'seguridad';

-- The introduction of Security's 2020 activity report, as the coordinator wrote it for seed 001
-- (its section 1), in the forum's three languages.
insert into plan_report (community_id, year, language, introduction, updated_by)
select c.id, 2020, v.language, v.introduction, (select id from member where username = 'coord.seguridad')
from community c, (values
 ('es', 'El 22 de marzo de 2019 Argentina, Brasil, Chile, Colombia, Ecuador, Guyana, Paraguay y Perú suscribieron la '
     || '«Declaración de Santiago para la Renovación y el Fortalecimiento de América del Sur», que dio inicio al proceso '
     || 'de creación del Foro PROSUR.' || chr(10) || chr(10) || 'Durante 2020, en el marco de la pandemia, el trabajo de '
     || 'los grupos sufrió retrasos; se retomó a partir de julio con foco en reestructurar los planes e identificar líneas '
     || 'de acción y productos en vistas del 2021.'),
 ('pt', 'Em 22 de março de 2019, Argentina, Brasil, Chile, Colômbia, Equador, Guiana, Paraguai e Peru assinaram a '
     || '«Declaração de Santiago para a Renovação e o Fortalecimento da América do Sul», que deu início ao processo de '
     || 'criação do Foro PROSUL.' || chr(10) || chr(10) || 'Durante 2020, no contexto da pandemia, o trabalho dos grupos '
     || 'sofreu atrasos; foi retomado a partir de julho, com foco em reestruturar os planos e identificar linhas de ação e '
     || 'produtos com vistas a 2021.'),
 ('en', 'On 22 March 2019 Argentina, Brazil, Chile, Colombia, Ecuador, Guyana, Paraguay and Peru signed the "Santiago '
     || 'Declaration for the Renewal and Strengthening of South America", which began the creation of the PROSUR Forum.'
     || chr(10) || chr(10) || 'During 2020, amid the pandemic, the groups'' work was delayed; it resumed in July, focused on '
     || 'restructuring the plans and identifying action lines and products for 2021.')
) as v(language, introduction)
where c.slug = 'seguridad'
on conflict do nothing;
