-- Whether Keycloak verified the member's address (the token's email_verified claim, refreshed
-- at every sign-in). The directory (page, CSV, vCard) and the emails use only a verified one.
-- Rows from before are not known to be verified: they count as unverified until the member's
-- next sign-in brings the claim.
alter table member add column email_verified boolean not null default false;
