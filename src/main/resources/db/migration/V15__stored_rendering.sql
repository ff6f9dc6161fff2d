-- Members' Markdown rendered to sanitised HTML once, when it is written (issue 16). Next to each
-- Markdown column (which stays the truth): its HTML and the renderer version that produced it
-- (RichText.VERSION). Existing rows keep a null version: StoredRendering re-renders them after start,
-- and their pages render them on read until then.
alter table news_item add column body_html text, add column body_html_version integer;
alter table post add column body_html text, add column body_html_version integer;
alter table post_comment add column body_html text, add column body_html_version integer;
alter table discussion add column opening_html text, add column opening_html_version integer,
                       add column conclusion_html text, add column conclusion_html_version integer;
alter table discussion_reply add column body_html text, add column body_html_version integer;
alter table meeting add column description_html text, add column description_html_version integer,
                    add column minutes_html text, add column minutes_html_version integer;
