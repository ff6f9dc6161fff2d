-- Activity: on which days a member used a community (opened one of its pages, or did
-- something there through a page or the API). One row per member, community and day, so
-- that "active members per week/month, by country" is a count over a small table whatever
-- the traffic. The day is the member's own calendar day (their time zone).
create table member_activity_day (
    member_id    bigint not null,
    community_id bigint not null,
    day          date   not null,
    -- Community first: the activity page reads a group's communities over a range of days.
    constraint member_activity_day_pk primary key (community_id, day, member_id),
    constraint member_activity_day_member_fk foreign key (member_id) references member (id) on delete cascade,
    constraint member_activity_day_community_fk foreign key (community_id) references community (id) on delete cascade
);
-- The member page: one member's days in a group.
create index member_activity_day_member_ix on member_activity_day (member_id, day);

-- Backfill from what the platform already knows: what members wrote, uploaded and did (the
-- audit log), and the last time they opened each tab. Only members who still belong to the
-- community's working group count, as the app records only members. Earlier visits left no
-- trace; the history starts here.
insert into member_activity_day (member_id, community_id, day)
select distinct a.member_id, a.community_id, (a.at at time zone m.time_zone)::date
from (
    select author_id as member_id, community_id, created_at as at from news_item
    union all
    select author_id, community_id, created_at from post
    union all
    select c.author_id, p.community_id, c.created_at from post_comment c join post p on p.id = c.post_id
    union all
    select author_id, community_id, created_at from discussion
    union all
    select r.author_id, d.community_id, r.created_at from discussion_reply r join discussion d on d.id = r.discussion_id
    union all
    select v.created_by, d.community_id, v.created_at from document_version v join document d on d.id = v.document_id
    union all
    select actor_id, community_id, at from audit_log where actor_id is not null and community_id is not null
    union all
    select member_id, community_id, visited_at from tab_visit
) a
join member m on m.id = a.member_id
join community c on c.id = a.community_id
where exists (select 1 from membership ms join community mc on mc.id = ms.community_id
              where ms.member_id = a.member_id and coalesce(mc.parent_id, mc.id) = coalesce(c.parent_id, c.id))
on conflict do nothing;
