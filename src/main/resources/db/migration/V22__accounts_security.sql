-- Module accounts, security fixes of issue 17.

-- A verification or reset link is bound to the address it was mailed to: it works only while the account still has
-- that address. Links mailed before this version carry no address and stop working (ask for a new one).
alter table account_token add column email varchar(320);
delete from account_token where used_at is null;

-- Every logged-in session (and remember-me login) carries the account's session stamp from when it logged in; a
-- request whose stamp differs from the account's is logged out. Changing the password or the email, a password reset,
-- "log out everywhere" and disabling the account move the stamp on.
alter table account add column session_stamp integer default 0 not null;

-- Wrong passwords no longer lock the account itself (anyone could lock anyone out): see login_throttle.
alter table account drop column failed_logins;
alter table account drop column locked_until;

-- Failed log-ins per client address and per (submitted email, client address), shared by every node. The key is a
-- SHA-256 of "client|<address>" or "account|<email>|<address>", so no address or email is stored in the clear.
create table login_throttle (
    throttle_key     varchar(64)  primary key,
    failures         integer      not null,
    last_failure_at  timestamp    not null,
    blocked_until    timestamp
);
create index ix_login_throttle_last_failure on login_throttle (last_failure_at);

-- Remember-me logins (Spring Security's JdbcTokenRepositoryImpl): the cookie holds a random series and token, never
-- the email; a login is deleted on logout, password change or reset, email change and "log out everywhere".
-- The username column holds an email, so it is as wide as account.email.
create table persistent_logins (
    username   varchar(320)  not null,
    series     varchar(64)   primary key,
    token      varchar(64)   not null,
    last_used  timestamp     not null
);
create index ix_persistent_logins_username on persistent_logins (username);

-- Sessions from before this version hold no session stamp, so they could not be checked: everyone logs in again once.
delete from spring_session;
