-- The kinds of content that mention members are declared by the features that own them
-- (MentionSource enums in news, post, discussion...): the database no longer lists them, so that
-- a new feature (meeting minutes, work plans) mentions members without a migration here. Only the
-- shape of a name is checked.
alter table mention drop constraint mention_source_type_ck;
alter table mention add constraint mention_source_type_name_ck check (source_type ~ '^[A-Z_]{1,20}$');
