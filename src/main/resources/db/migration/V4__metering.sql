-- Module metering: code pages seen per viewer (re-opening one costs nothing) and a counter per viewer and period.
-- A viewer is an account ("account:42"), or for guests both a signed cookie ("cookie:...") and an address ("ip:...").
create table metering_view (
    viewer_key  varchar(120) not null,
    item        varchar(80)  not null,
    viewed_at   timestamp    not null,
    constraint pk_metering_view primary key (viewer_key, item)
);

create table metering_counter (
    viewer_key    varchar(120) primary key,
    period_start  timestamp    not null,
    used          integer      not null
);
