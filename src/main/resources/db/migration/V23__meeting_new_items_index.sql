-- "What's new" counts a community's meetings created since the member's last visit of the tab,
-- newest first, up to 100 (WhatsNew, MeetingContributions). Every page of a community runs that
-- count. Without an index on the creation time, PostgreSQL read the community's every meeting
-- and sorted them: 625 meetings a subgroup in the benchmark, 1.6 ms a count, on every page.
create index meeting_new_ix on meeting (community_id, created_at);
