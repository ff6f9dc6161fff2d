-- The discussion page shows its replies 50 at a time (issue 16). Counting the replies a viewer
-- sees and finding a page or a reply's place read this index only (visibility: not deleted; hidden
-- ones to their author and moderators), whatever the thread's length.
create index discussion_reply_seen_ix on discussion_reply (discussion_id, created_at, id)
    include (author_id, hidden_at) where deleted_at is null;

-- Links to a reply now go through /c/{slug}/discussions/{id}/replies/{reply}, which sends the
-- browser to the page that holds it; notices already sent pointed at the first page's anchor.
update notification set link = regexp_replace(link, '^(/c/[^/#?]+/discussions/[0-9]+)#reply-([0-9]+)$', '\1/replies/\2')
where link ~ '^/c/[^/#?]+/discussions/[0-9]+#reply-[0-9]+$';
