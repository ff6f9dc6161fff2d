-- Demo data of the members and their roles (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

-- Demo officials: subject is the Keycloak user id of deploy/local/keycloak-demo-users.json.
insert into member (subject, username, email, display_name, country_code, institution, position, language, time_zone) values
 ('00000000-0000-4000-a000-000000000001', 'admin.prosur', 'admin.prosur@demo.prosur.example', 'Valentina Rojas', 'CL',
  'Ministerio de Relaciones Exteriores de Chile', 'Coordinadora Nacional PROSUR', 'es', 'America/Santiago'),
 ('00000000-0000-4000-a000-000000000002', 'coord.seguridad', 'coord.seguridad@demo.prosur.example', 'Andrés Muñoz', 'CL',
  'Ministerio del Interior y Seguridad Pública', 'Coordinador sectorial de Seguridad', 'es', 'America/Santiago'),
 ('00000000-0000-4000-a000-000000000003', 'lider.victimas', 'lider.victimas@demo.prosur.example', 'Carlos Benítez', 'PY',
  'Ministerio del Interior', 'Director de Asuntos Internacionales', 'es', 'America/Asuncion'),
 ('00000000-0000-4000-a000-000000000004', 'pf.peru', 'pf.peru@demo.prosur.example', 'Lucía Quispe', 'PE',
  'Ministerio del Interior', 'Especialista en cooperación internacional', 'es', 'America/Lima'),
 ('00000000-0000-4000-a000-000000000005', 'pf.brasil', 'pf.brasil@demo.prosur.example', 'João Carvalho', 'BR',
  'Ministério da Saúde', 'Assessor de Assuntos Internacionais', 'pt', 'America/Sao_Paulo'),
 ('00000000-0000-4000-a000-000000000006', 'fp.guyana', 'fp.guyana@demo.prosur.example', 'Sharon Williams', 'GY',
  'Civil Defence Commission', 'Deputy Director General', 'en', 'America/Guyana'),
 ('00000000-0000-4000-a000-000000000007', 'pf.argentina', 'pf.argentina@demo.prosur.example', 'Martín Fernández', 'AR',
  'Secretaría de Energía', 'Director de Cooperación Internacional', 'es', 'America/Argentina/Buenos_Aires'),
 ('00000000-0000-4000-a000-000000000008', 'pf.colombia', 'pf.colombia@demo.prosur.example', 'Camila Restrepo', 'CO',
  'Ministerio de Defensa Nacional', 'Asesora de Asuntos Internacionales', 'es', 'America/Bogota');
-- Their addresses are verified in Keycloak (emailVerified in the demo users): the directory shows them.
update member set email_verified = true where subject like '00000000-0000-4000-a000-%';

-- Their roles. The country is the member's own.
insert into membership (community_id, member_id, role, country_code)
select c.id, m.id, v.role, m.country_code
from (values
 ('coord.seguridad', 'seguridad', 'COORDINATOR'),
 ('coord.seguridad', 'seguridad', 'FOCAL_POINT'),
 ('coord.seguridad', 'seguridad-delincuencia-organizada', 'LEADER'),
 ('coord.seguridad', 'seguridad-delincuencia-organizada', 'COUNTRY_RESPONSIBLE'),
 ('lider.victimas', 'seguridad', 'FOCAL_POINT'),
 ('lider.victimas', 'seguridad-asistencia-victimas', 'LEADER'),
 ('lider.victimas', 'seguridad-asistencia-victimas', 'COUNTRY_RESPONSIBLE'),
 ('lider.victimas', 'seguridad-delincuencia-organizada', 'COUNTRY_RESPONSIBLE'),
 ('lider.victimas', 'seguridad-prevencion-violencia-genero', 'COUNTRY_RESPONSIBLE'),
 ('pf.peru', 'seguridad', 'FOCAL_POINT'),
 ('pf.peru', 'seguridad-delincuencia-organizada', 'COUNTRY_RESPONSIBLE'),
 ('pf.peru', 'seguridad-asistencia-victimas', 'COUNTRY_RESPONSIBLE'),
 ('pf.peru', 'seguridad-prevencion-violencia-genero', 'COUNTRY_RESPONSIBLE'),
 ('pf.peru', 'salud', 'FOCAL_POINT'),
 ('pf.colombia', 'seguridad', 'FOCAL_POINT'),
 ('pf.brasil', 'salud', 'FOCAL_POINT'),
 ('pf.brasil', 'salud-transformacion-digital', 'MEMBER'),
 ('fp.guyana', 'gestion-riesgo-desastres', 'FOCAL_POINT'),
 ('fp.guyana', 'grd-asistencia-mutua', 'MEMBER'),
 ('pf.argentina', 'energia', 'FOCAL_POINT'),
 ('pf.argentina', 'energia-integracion', 'MEMBER')
) as v(username, slug, role)
join member m on m.username = v.username
join community c on c.slug = v.slug;

