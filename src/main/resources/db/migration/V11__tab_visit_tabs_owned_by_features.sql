-- The tabs of "what's new" are named by the features that own them (NewItems.tab() in each
-- feature's package): the database no longer lists them, so that a new feature (meetings,
-- work plans) adds its tab without a migration here. Only the shape of a name is checked.
alter table tab_visit drop constraint tab_visit_tab_ck;
alter table tab_visit add constraint tab_visit_tab_name_ck check (tab ~ '^[A-Z_]{1,20}$');
