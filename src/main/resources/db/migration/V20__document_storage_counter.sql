-- The bytes a working group's documents take in the object store (every version of every
-- document, the trash included), kept as a counter that changes in the same transaction as
-- the versions themselves, instead of a sum over all of them on every folder page and upload
-- (33 ms a statement on 10,000 documents). The triggers below are the only writers: every
-- statement that adds, removes or resizes a version (upload, new version, translations, the
-- purge of the trash, a group deleted) moves the counter, whatever code runs it.
create table document_storage (
    group_id bigint not null,
    bytes    bigint not null default 0,
    constraint document_storage_pk primary key (group_id),
    constraint document_storage_group_fk foreign key (group_id) references community (id) on delete cascade
);

-- A version added, removed, resized or moved to another document: the bytes of the group of
-- the document it leaves and of the one it joins. A version removed with its document (the
-- foreign key's cascade) finds no document any more: document_storage_document_delete below
-- has already taken its bytes away.
create function document_storage_version() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        update document_storage s set bytes = s.bytes - old.size_bytes
        from document d where d.id = old.document_id and s.group_id = d.group_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into document_storage (group_id, bytes)
        select d.group_id, new.size_bytes from document d where d.id = new.document_id
        on conflict (group_id) do update set bytes = document_storage.bytes + excluded.bytes;
    end if;
    return null;
end
$$;

create trigger document_storage_version_insert after insert on document_version
    for each row execute function document_storage_version();
create trigger document_storage_version_delete after delete on document_version
    for each row execute function document_storage_version();
-- Text extraction updates versions all the time: only a change of size or document counts.
create trigger document_storage_version_update after update of size_bytes, document_id on document_version
    for each row when (old.size_bytes is distinct from new.size_bytes or old.document_id is distinct from new.document_id)
    execute function document_storage_version();

-- A document deleted (purged from the trash, or with its group) takes its versions' bytes
-- with it, before the cascade removes the versions; a document moved to another group takes
-- them there.
create function document_storage_document() returns trigger language plpgsql as $$
declare
    total bigint;
begin
    select coalesce(sum(v.size_bytes), 0) into total from document_version v where v.document_id = old.id;
    if total <> 0 then
        update document_storage set bytes = bytes - total where group_id = old.group_id;
        if tg_op = 'UPDATE' then
            insert into document_storage (group_id, bytes) values (new.group_id, total)
            on conflict (group_id) do update set bytes = document_storage.bytes + excluded.bytes;
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger document_storage_document_delete before delete on document
    for each row execute function document_storage_document();
create trigger document_storage_document_group after update of group_id on document
    for each row when (old.group_id is distinct from new.group_id) execute function document_storage_document();

-- The counters as the versions stored now add up.
insert into document_storage (group_id, bytes)
select d.group_id, sum(v.size_bytes) from document_version v join document d on d.id = v.document_id
group by d.group_id;

-- A folder's page lists its documents by title, 50 at a time: read along this index, a page
-- reads its own rows (and those of the pages before it), not the whole folder to sort it.
-- It replaces document_folder_ix, whose plain title did not serve the order by lower(title).
create index document_folder_title_ix on document (community_id, folder_id, lower(title), id) where deleted_at is null;
drop index document_folder_ix;

-- Text extraction finds the document of the version it has read (document_reindex after each
-- upload), and removing a version checks that no document still points to it: both read
-- every document without this index.
create index document_current_version_ix on document (current_version_id);
