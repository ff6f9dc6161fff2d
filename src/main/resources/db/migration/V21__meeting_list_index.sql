-- Issue 16: the meetings list pages its upcoming meetings (those not yet ended, soonest first) and
-- counts both lists. With only (community_id, starts_at) the upcoming page scanned every past
-- meeting of the community before reaching the first upcoming one; this index reads just the
-- upcoming ones, and counts each list from the index alone.
create index meeting_community_ends_ix on meeting (community_id, ends_at);
