-- Issue 16: every instance caches the signed-in member and their grants (AccountCache). Any
-- change to what they are made of is announced on the channel comunidad_member, in the same
-- transaction (delivered at its commit, dropped at its rollback), by triggers: no write path,
-- from the app or from plain SQL, can forget it. The payload is the member's id, or '*' when
-- the members concerned are not known (a community moved under another group or deleted).
-- Tables: member (the account and what the sign-in compares with the token), membership (the
-- grants), community (a grant's group is its community's parent).

create function comunidad_notify_member() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('comunidad_member', old.id::text);
    end if;
    if tg_op = 'UPDATE' and new.id <> old.id then
        perform pg_notify('comunidad_member', new.id::text);
    end if;
    return null;
end $$;

-- Writing only the last-seen time, the digest's time or the email opt-out changes nothing cached.
create trigger member_changed_update after update on member for each row
    when (old.id is distinct from new.id
          or old.subject is distinct from new.subject
          or old.username is distinct from new.username
          or old.email is distinct from new.email
          or old.email_verified is distinct from new.email_verified
          or old.display_name is distinct from new.display_name
          or old.country_code is distinct from new.country_code
          or old.institution is distinct from new.institution
          or old.position is distinct from new.position
          or old.phone is distinct from new.phone
          or old.language is distinct from new.language
          or old.time_zone is distinct from new.time_zone
          or old.profile_written_at is distinct from new.profile_written_at
          or old.disabled_at is distinct from new.disabled_at)
    execute function comunidad_notify_member();

create trigger member_changed_delete after delete on member for each row
    execute function comunidad_notify_member();

create function comunidad_notify_membership() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('comunidad_member', old.member_id::text);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('comunidad_member', new.member_id::text);
    end if;
    return null;
end $$;

create trigger membership_changed after insert or update or delete on membership for each row
    execute function comunidad_notify_membership();

create function comunidad_notify_everyone() returns trigger language plpgsql as $$
begin
    perform pg_notify('comunidad_member', '*');
    return null;
end $$;

create trigger community_moved after update of parent_id on community for each row
    when (old.parent_id is distinct from new.parent_id)
    execute function comunidad_notify_everyone();

create trigger community_deleted after delete on community for each row
    execute function comunidad_notify_everyone();
