-- Issue 16: the meetings list pages its upcoming meetings (those not yet ended, soonest first) and
-- its past ones (latest first), and counts both lists. On the bench's 5,000 meetings PostgreSQL
-- read the upcoming page through meeting_starts_ix, every community's meetings from two years
-- back (4,649 rows removed by the filter, 6,242 buffers, 13 ms). (community_id, ends_at) reads
-- just the community's upcoming meetings and counts each list from the index alone; the
-- community's index gains the id, the lists' second key, so the past page is read in order.
create index meeting_community_ends_ix on meeting (community_id, ends_at);
drop index meeting_community_ix;
create index meeting_community_ix on meeting (community_id, starts_at, id);
