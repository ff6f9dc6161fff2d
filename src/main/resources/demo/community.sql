-- Demo data: the PROSUR forum as the seed documents describe it (../shared/seeds/).
-- Loaded by org.comunidad.demo.DemoData into an empty database, in the local
-- run and the tests only. Rows are found by natural keys, never by guessed ids.

-- South American countries.
insert into country (code, name_es, name_pt, name_en) values
 ('AR', 'Argentina', 'Argentina', 'Argentina'),
 ('BO', 'Bolivia', 'Bolívia', 'Bolivia'),
 ('BR', 'Brasil', 'Brasil', 'Brazil'),
 ('CL', 'Chile', 'Chile', 'Chile'),
 ('CO', 'Colombia', 'Colômbia', 'Colombia'),
 ('EC', 'Ecuador', 'Equador', 'Ecuador'),
 ('GY', 'Guyana', 'Guiana', 'Guyana'),
 ('PY', 'Paraguay', 'Paraguai', 'Paraguay'),
 ('PE', 'Perú', 'Peru', 'Peru'),
 ('SR', 'Surinam', 'Suriname', 'Suriname'),
 ('UY', 'Uruguay', 'Uruguai', 'Uruguay'),
 ('VE', 'Venezuela', 'Venezuela', 'Venezuela');

insert into forum (code, name_es, name_pt, name_en) values
 ('prosur',
  'Foro para el Progreso e Integración de América del Sur (PROSUR)',
  'Foro para o Progresso e Integração da América do Sul (PROSUL)',
  'Forum for the Progress and Integration of South America (PROSUR)');

-- Seed 000, "Declaración de Santiago": the eight signatories; Bolivia and Uruguay as observers.
insert into forum_country (forum_id, country_code, status)
select f.id, c.code, case when c.code in ('BO', 'UY') then 'OBSERVER' else 'MEMBER' end
from forum f, country c
where f.code = 'prosur' and c.code in ('AR', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'BO', 'UY');

-- The six working groups (seed 000, "GRUPOS Y SUBGRUPOS DE TRABAJO" and each group's section).
insert into community (forum_id, kind, slug, position, name_es, name_pt, name_en, description_es, description_pt, description_en)
select f.id, 'GROUP', v.slug, v.position, v.name_es, v.name_pt, v.name_en, v.d_es, v.d_pt, v.d_en
from forum f, (values
 ('infraestructura', 1, 'Infraestructura', 'Infraestrutura', 'Infrastructure',
  'Promover la integración física de América del Sur mediante infraestructura, transporte, telecomunicaciones y recursos hídricos.',
  'Promover a integração física da América do Sul por meio de infraestrutura, transporte, telecomunicações e recursos hídricos.',
  'Promote the physical integration of South America through infrastructure, transport, telecommunications and water resources.'),
 ('energia', 2, 'Energía', 'Energia', 'Energy',
  'Promover la integración energética regional y el uso eficiente y sostenible de los distintos recursos disponibles en los países para contribuir al desarrollo de América del Sur.',
  'Promover a integração energética regional e o uso eficiente e sustentável dos diferentes recursos disponíveis nos países para contribuir para o desenvolvimento da América do Sul.',
  'Promote regional energy integration and the efficient and sustainable use of the resources available in the countries, to contribute to the development of South America.'),
 ('salud', 3, 'Salud', 'Saúde', 'Health',
  'Contribuir a mejorar la salud de la población en la región, enfrentando los desafíos que generan los cambios demográficos y epidemiológicos, aprovechando las oportunidades en materia de innovación y tecnología.',
  'Contribuir para melhorar a saúde da população da região, enfrentando os desafios gerados pelas mudanças demográficas e epidemiológicas e aproveitando as oportunidades de inovação e tecnologia.',
  'Help improve the health of the region''s population, facing the challenges of demographic and epidemiological change and seizing the opportunities of innovation and technology.'),
 ('defensa', 4, 'Defensa', 'Defesa', 'Defense',
  'Fomentar el diálogo y promover la coordinación y la cooperación entre los Ministerios de Defensa de los países de PROSUR, contribuyendo a consolidar la paz, la estabilidad y la seguridad en la región.',
  'Fomentar o diálogo e promover a coordenação e a cooperação entre os Ministérios da Defesa dos países do PROSUL, contribuindo para consolidar a paz, a estabilidade e a segurança na região.',
  'Foster dialogue and promote coordination and cooperation among the Ministries of Defense of the PROSUR countries, helping to consolidate peace, stability and security in the region.'),
 ('seguridad', 5, 'Seguridad y Combate al Crimen', 'Segurança e Combate ao Crime', 'Security and Fight against Crime',
  'Trabajar de manera articulada para fortalecer la cooperación y coordinación frente a la Delincuencia Organizada Transnacional y sus delitos conexos.',
  'Trabalhar de forma articulada para fortalecer a cooperação e a coordenação frente à Delinquência Organizada Transnacional e seus delitos conexos.',
  'Work together to strengthen cooperation and coordination against Transnational Organized Crime and related offences.'),
 ('gestion-riesgo-desastres', 6, 'Gestión del Riesgo de Desastres', 'Gestão do Risco de Desastres', 'Disaster Risk Management',
  'Fomentar la cooperación entre los países de PROSUR para reducir y mitigar el impacto de los desastres naturales en América del Sur.',
  'Fomentar a cooperação entre os países do PROSUL para reduzir e mitigar o impacto dos desastres naturais na América do Sul.',
  'Foster cooperation among the PROSUR countries to reduce and mitigate the impact of natural disasters in South America.')
) as v(slug, position, name_es, name_pt, name_en, d_es, d_pt, d_en)
where f.code = 'prosur';

-- The subgroups, exactly as listed in seed 000, "GRUPOS Y SUBGRUPOS DE TRABAJO".
insert into community (forum_id, parent_id, kind, slug, position, category, name_es, name_pt, name_en)
select g.forum_id, g.id, 'SUBGROUP', v.slug, v.position, v.category, v.name_es, v.name_pt, v.name_en
from community g join (values
 ('infraestructura', 'infra-fisica', 1, null, 'Infraestructura física para la integración', 'Infraestrutura física para a integração', 'Physical infrastructure for integration'),
 ('infraestructura', 'infra-transporte', 2, null, 'Regulaciones, servicios y tecnología del transporte', 'Regulamentações, serviços e tecnologia do transporte', 'Transport regulations, services and technology'),
 ('infraestructura', 'infra-recursos-hidricos', 3, null, 'Recursos hídricos', 'Recursos hídricos', 'Water resources'),
 ('infraestructura', 'infra-telecomunicaciones', 4, null, 'Telecomunicaciones y TICs', 'Telecomunicações e TICs', 'Telecommunications and ICT'),
 ('infraestructura', 'infra-transversales', 5, null, 'Temas transversales', 'Temas transversais', 'Cross-cutting issues'),
 ('energia', 'energia-integracion', 1, 'THEMATIC', 'Integración eléctrica o de hidrocarburos', 'Integração elétrica ou de hidrocarbonetos', 'Electricity or hydrocarbon integration'),
 ('energia', 'energia-sostenibles', 2, 'THEMATIC', 'Energías sostenibles', 'Energias sustentáveis', 'Sustainable energy'),
 ('energia', 'energia-biocombustibles', 3, 'THEMATIC', 'Biocombustibles', 'Biocombustíveis', 'Biofuels'),
 ('energia', 'energia-mercados', 4, 'THEMATIC', 'Conformación de mercados energéticos', 'Conformação de mercados energéticos', 'Building energy markets'),
 ('energia', 'energia-innovacion', 5, 'CROSSCUTTING', 'Innovación en el sector energético', 'Inovação no setor energético', 'Innovation in the energy sector'),
 ('energia', 'energia-planificacion', 6, 'CROSSCUTTING', 'Coordinación y planificación energética regional', 'Coordenação e planejamento energético regional', 'Regional energy coordination and planning'),
 ('energia', 'energia-relaciones-extrarregionales', 7, 'CROSSCUTTING', 'Relaciones extra regionales', 'Relações extrarregionais', 'Extra-regional relations'),
 ('gestion-riesgo-desastres', 'grd-idie-resiliencia', 1, null, 'I+D+i+E para la resiliencia', 'P&D+i+E para a resiliência', 'R&D, innovation and entrepreneurship for resilience'),
 ('gestion-riesgo-desastres', 'grd-infraestructura-critica', 2, null, 'Infraestructura crítica resiliente', 'Infraestrutura crítica resiliente', 'Resilient critical infrastructure'),
 ('gestion-riesgo-desastres', 'grd-riesgo-transfronterizo', 3, null, 'Resiliencia y reducción del riesgo transfronterizo', 'Resiliência e redução do risco transfronteiriço', 'Resilience and cross-border risk reduction'),
 ('gestion-riesgo-desastres', 'grd-asistencia-mutua', 4, null, 'Asistencia mutua', 'Assistência mútua', 'Mutual assistance'),
 ('salud', 'salud-envejecimiento', 1, null, 'Envejecimiento activo y saludable', 'Envelhecimento ativo e saudável', 'Active and healthy ageing'),
 ('salud', 'salud-transformacion-digital', 2, null, 'Transformación digital en salud', 'Transformação digital em saúde', 'Digital transformation in health'),
 ('seguridad', 'seguridad-delincuencia-organizada', 1, null, 'Combate a la delincuencia organizada transnacional', 'Combate à delinquência organizada transnacional', 'Fight against transnational organized crime'),
 ('seguridad', 'seguridad-asistencia-victimas', 2, null, 'Asistencia a las víctimas de la DOT', 'Assistência às vítimas da DOT', 'Assistance to victims of transnational organized crime'),
 ('seguridad', 'seguridad-prevencion-violencia-genero', 3, null, 'Prevención de delitos y violencia de género', 'Prevenção de delitos e violência de gênero', 'Prevention of crime and gender-based violence'),
 ('defensa', 'defensa-ciberdefensa', 1, null, 'Información en ciberdefensa', 'Informação em ciberdefesa', 'Cyber defence information'),
 ('defensa', 'defensa-industrias', 2, null, 'Industrias de defensa', 'Indústrias de defesa', 'Defence industries'),
 ('defensa', 'defensa-modernizacion', 3, null, 'Modernización de los Ministerios de Defensa', 'Modernização dos Ministérios da Defesa', 'Modernisation of the Ministries of Defence')
) as v(group_slug, slug, position, category, name_es, name_pt, name_en) on g.slug = v.group_slug;

-- Subgroup objectives where the seeds give them (seed 000 for each group; seed 001 for Security).
update community c set description_es = v.d_es, description_pt = v.d_pt, description_en = v.d_en
from (values
 ('seguridad-delincuencia-organizada',
  'Promover el intercambio de información, buenas prácticas y cooperación acerca de los delitos transnacionales, y analizar la creación de un Centro de Cooperación Regional para coordinar acciones conjuntas de combate a la DOT.',
  'Promover o intercâmbio de informações, boas práticas e cooperação sobre os delitos transnacionais, e analisar a criação de um Centro de Cooperação Regional para coordenar ações conjuntas de combate à DOT.',
  'Promote the exchange of information, good practice and cooperation on transnational crimes, and study a Regional Cooperation Centre to coordinate joint action against transnational organized crime.'),
 ('seguridad-asistencia-victimas',
  'Fortalecer los mecanismos especializados de protección y asistencia en los retornos de las víctimas de trata de personas.',
  'Fortalecer os mecanismos especializados de proteção e assistência nos retornos das vítimas de tráfico de pessoas.',
  'Strengthen the specialised mechanisms for protecting and assisting victims of human trafficking when they return.'),
 ('seguridad-prevencion-violencia-genero',
  'Promover el intercambio de experiencias e información acerca del tratamiento del delito y la violencia de género.',
  'Promover o intercâmbio de experiências e informações sobre o tratamento do delito e da violência de gênero.',
  'Promote the exchange of experience and information on how crime and gender-based violence are handled.'),
 ('salud-envejecimiento',
  'Desarrollar colaborativamente políticas públicas que fomenten un envejecimiento activo y saludable, en base a un modelo socio-sanitario y desde una perspectiva de curso de vida.',
  'Desenvolver de forma colaborativa políticas públicas que promovam um envelhecimento ativo e saudável, com base em um modelo sociossanitário e numa perspectiva de curso de vida.',
  'Jointly develop public policies that foster active and healthy ageing, based on a social and health-care model and a life-course perspective.'),
 ('salud-transformacion-digital',
  'Desarrollar una estrategia común de transformación digital en salud para disminuir brechas de acceso, equidad y gestión de riesgo, poniendo a las personas en el centro.',
  'Desenvolver uma estratégia comum de transformação digital em saúde para reduzir lacunas de acesso, equidade e gestão de risco, colocando as pessoas no centro.',
  'Develop a common digital-health strategy that narrows gaps in access, equity and risk management, with people at the centre.'),
 ('grd-asistencia-mutua',
  'Fortalecer los acuerdos y acciones de asistencia mutua en caso de desastres que contribuyan a los mecanismos de coordinación humanitaria existentes en cada país.',
  'Fortalecer os acordos e ações de assistência mútua em caso de desastres que contribuam para os mecanismos de coordenação humanitária existentes em cada país.',
  'Strengthen mutual-assistance agreements and actions in case of disaster that support each country''s existing humanitarian coordination mechanisms.'),
 ('defensa-industrias',
  'Promover la cooperación en el desarrollo de nuevas tecnologías y en la catalogación (estándar OTAN) de material de empleo militar.',
  'Promover a cooperação no desenvolvimento de novas tecnologias e na catalogação (padrão OTAN) de material de emprego militar.',
  'Promote cooperation in developing new technologies and in cataloguing (NATO standard) military equipment.')
) as v(slug, d_es, d_pt, d_en)
where c.slug = v.slug;

-- Participating countries of each group: seed 000, "Los países participantes de estos
-- trabajos son ..." at the end of each group's section. Security: seed 001, section 3
-- (Chile, Ecuador, Peru and Paraguay active; Colombia and Brazil took part at first),
-- plus Argentina, a member of two Security subgroups (seed 001, section 4).
insert into community_country (community_id, country_code)
select c.id, v.code
from community c join (values
 ('infraestructura', 'AR'), ('infraestructura', 'BR'), ('infraestructura', 'CL'), ('infraestructura', 'CO'),
 ('infraestructura', 'EC'), ('infraestructura', 'GY'), ('infraestructura', 'PY'), ('infraestructura', 'PE'),
 ('energia', 'AR'), ('energia', 'BR'), ('energia', 'CL'), ('energia', 'CO'),
 ('energia', 'EC'), ('energia', 'GY'), ('energia', 'PY'), ('energia', 'PE'),
 ('gestion-riesgo-desastres', 'BR'), ('gestion-riesgo-desastres', 'CL'), ('gestion-riesgo-desastres', 'CO'),
 ('gestion-riesgo-desastres', 'EC'), ('gestion-riesgo-desastres', 'GY'), ('gestion-riesgo-desastres', 'PY'),
 ('gestion-riesgo-desastres', 'PE'),
 ('salud', 'AR'), ('salud', 'BR'), ('salud', 'CL'), ('salud', 'CO'), ('salud', 'EC'), ('salud', 'PY'), ('salud', 'PE'),
 ('seguridad', 'AR'), ('seguridad', 'BR'), ('seguridad', 'CL'), ('seguridad', 'CO'), ('seguridad', 'EC'),
 ('seguridad', 'PY'), ('seguridad', 'PE'),
 ('defensa', 'BR'), ('defensa', 'CL'), ('defensa', 'CO'), ('defensa', 'EC'), ('defensa', 'GY'), ('defensa', 'PY'),
 ('defensa', 'PE')
) as v(slug, code) on c.slug = v.slug;

-- Security subgroups: leader and member countries from seed 001, section 4.
update community set leader_country = 'CL' where slug = 'seguridad-delincuencia-organizada';
update community set leader_country = 'PY' where slug = 'seguridad-asistencia-victimas';
update community set leader_country = 'EC' where slug = 'seguridad-prevencion-violencia-genero';
insert into community_country (community_id, country_code)
select c.id, v.code
from community c join (values
 ('seguridad-delincuencia-organizada', 'AR'), ('seguridad-delincuencia-organizada', 'EC'),
 ('seguridad-delincuencia-organizada', 'PY'), ('seguridad-delincuencia-organizada', 'PE'),
 ('seguridad-asistencia-victimas', 'CL'), ('seguridad-asistencia-victimas', 'EC'), ('seguridad-asistencia-victimas', 'PE'),
 ('seguridad-prevencion-violencia-genero', 'AR'), ('seguridad-prevencion-violencia-genero', 'PY'),
 ('seguridad-prevencion-violencia-genero', 'PE')
) as v(slug, code) on c.slug = v.slug;

