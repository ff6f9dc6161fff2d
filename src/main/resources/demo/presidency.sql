-- Demo data of the pro tempore presidency (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

-- The pro tempore presidency (seed 000, "LA PRESIDENCIA PRO TÉMPORE"): Chile since the
-- forum's creation on 22 March 2019 (so the demo's sector coordinator of Security is
-- Chile's focal point); the handover to Colombia on 12 December 2020 was agreed in
-- advance, so Colombia is the planned next presidency. Chile was the first: no previous one.
insert into presidency (forum_id, country_code, starts_on, status)
select f.id, v.code, v.starts_on::date, v.status
from forum f, (values ('CL', '2019-03-22', 'HELD'), ('CO', '2020-12-12', 'PLANNED')) as v(code, starts_on, status)
where f.code = 'prosur';

