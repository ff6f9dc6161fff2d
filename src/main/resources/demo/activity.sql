-- Demo data of the activity (loaded by org.comunidad.demo.DemoData in the order of each
-- part's DemoContent.order(), in one transaction, into an empty database; local run and tests only).

-- A year of activity in the Security group, so that its activity page (and each member's) has
-- something to show: on some working days each member used the group, on fewer one
-- of their subgroups. Deterministic (a hash of who, where and when), ends yesterday.
insert into member_activity_day (member_id, community_id, day)
select ms.member_id, ms.community_id, d::date
from membership ms
join community c on c.id = ms.community_id
join member m on m.id = ms.member_id
cross join generate_series(current_date - 364, current_date - 1, interval '1 day') d
where coalesce(c.parent_id, c.id) = (select id from community where slug = 'seguridad')
  and extract(isodow from d) < 6
  and abs(hashtext(m.username || c.slug || d::date::text)) % 100 < case when c.parent_id is null then 12 else 10 end
on conflict do nothing;
