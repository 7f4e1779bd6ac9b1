-- Module consult: mails received for the consult address that were answered without a thread (a sender who is not
-- a member, no consults left, an attachment too large), kept by Message-ID so a second delivery is not answered twice.
create table consult_refused_mail (
    message_id   varchar(255)  primary key,
    reason       varchar(32)   not null,
    received_at  timestamp     not null
);
