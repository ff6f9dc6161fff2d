-- A plan's revision: a number that moves whenever anything its dashboard shows may have changed
-- (issue 16). The dashboard's figures over 2,000 activities cost four statements and 21 ms of
-- PostgreSQL a view; each instance keeps them in memory under (plan, revision, year, day)
-- (PlanDashboardCache) and reads only this row to know whether they still hold. The triggers below
-- are the only writers, so every write moves it, whatever code or instance runs it: the app's forms,
-- an import, a migration, psql.
-- The revision is a time in microseconds, moved to at least the next one on every change: a
-- plan restored from a backup, or recreated with the same id, never comes back to a revision an
-- instance may still have figures for.
create function plan_revision_now() returns bigint language sql volatile as
    $$ select (extract(epoch from clock_timestamp()) * 1000000)::bigint $$;

create table plan_revision (
    plan_id  bigint not null,
    revision bigint not null default plan_revision_now(),
    constraint plan_revision_pk primary key (plan_id),
    constraint plan_revision_plan_fk foreign key (plan_id) references plan (id) on delete cascade
);
insert into plan_revision (plan_id) select id from plan;

create function plan_revision_new_plan() returns trigger language plpgsql as $$
begin
    insert into plan_revision (plan_id) values (new.id);
    return null;
end
$$;
create trigger plan_revision_new_plan after insert on plan for each row execute function plan_revision_new_plan();

-- Items and annual plans: once per statement, for the plans of the rows it touched (an import
-- of 2,000 activities moves the revision once, not 2,000 times). A plan being deleted has no
-- row left to move.
create function plan_revision_rows() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update plan_revision r set revision = greatest(r.revision + 1, plan_revision_now())
        where r.plan_id in (select plan_id from new_rows);
    elsif tg_op = 'DELETE' then
        update plan_revision r set revision = greatest(r.revision + 1, plan_revision_now())
        where r.plan_id in (select plan_id from old_rows);
    else
        update plan_revision r set revision = greatest(r.revision + 1, plan_revision_now())
        where r.plan_id in (select plan_id from new_rows union select plan_id from old_rows);
    end if;
    return null;
end
$$;
create trigger plan_revision_item_insert after insert on plan_item referencing new table as new_rows
    for each statement execute function plan_revision_rows();
create trigger plan_revision_item_update after update on plan_item referencing old table as old_rows new table as new_rows
    for each statement execute function plan_revision_rows();
create trigger plan_revision_item_delete after delete on plan_item referencing old table as old_rows
    for each statement execute function plan_revision_rows();
create trigger plan_revision_year_insert after insert on plan_year referencing new table as new_rows
    for each statement execute function plan_revision_rows();
create trigger plan_revision_year_update after update on plan_year referencing old table as old_rows new table as new_rows
    for each statement execute function plan_revision_rows();
create trigger plan_revision_year_delete after delete on plan_year referencing old table as old_rows
    for each statement execute function plan_revision_rows();

-- The names the dashboard shows beside the figures: a subgroup's (renamed) and a responsible
-- member's (a new display name). Rare writes; only a real change moves anything.
create index plan_item_responsible_ix on plan_item (responsible_id) where responsible_id is not null;

create function plan_revision_member() returns trigger language plpgsql as $$
begin
    update plan_revision r set revision = greatest(r.revision + 1, plan_revision_now())
    where r.plan_id in (select i.plan_id from plan_item i where i.responsible_id = new.id);
    return null;
end
$$;
create trigger plan_revision_member after update of display_name on member for each row
    when (old.display_name is distinct from new.display_name) execute function plan_revision_member();

create function plan_revision_community() returns trigger language plpgsql as $$
begin
    update plan_revision r set revision = greatest(r.revision + 1, plan_revision_now())
    where r.plan_id in (select i.plan_id from plan_item i where i.community_id = new.id);
    return null;
end
$$;
create trigger plan_revision_community after update of slug, name_es, name_pt, name_en on community for each row
    when (old.slug is distinct from new.slug or old.name_es is distinct from new.name_es
          or old.name_pt is distinct from new.name_pt or old.name_en is distinct from new.name_en)
    execute function plan_revision_community();
