-- Issue 16: the search ranks each kind's newest matches only (search.SiteSearch.CANDIDATES,
-- document.DocumentSearch.CANDIDATES). These indexes give "newest first" without a group in front,
-- for an administrator (no group filter) and for a member of several groups; a member of one group
-- walks the existing (group, date) indexes. The planner takes the GIN index and a sort instead when
-- the words are rare.
create index post_recent_ix on post (created_at desc, id desc) where deleted_at is null;
create index news_item_recent_ix on news_item (created_at desc, id desc) where deleted_at is null;
create index discussion_recent_ix on discussion (last_activity_at desc, id desc) where deleted_at is null;
create index document_recent_ix on document (updated_at desc, id desc) where deleted_at is null;
