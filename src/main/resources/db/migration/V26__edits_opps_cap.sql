-- OPPS imaging cap amounts (OPPSCAP file of a Physician Fee Schedule release, dataset PFS_OPPS_CAP): per code,
-- modifier and payment locality, the facility and non-facility amounts after the cap of DRA 2005 section 5102(b)
-- (for carrier-priced codes, status C, the cap itself). Carrier and locality join edits_gpci (mac, locality).
create table edits_opps_cap (
    release_id         bigint        not null references edits_release (id) on delete cascade,
    code               varchar(5)    not null,
    modifier           varchar(2)    not null,
    status             varchar(1)    not null,
    mac                varchar(5)    not null,
    locality           varchar(2)    not null,
    facility_price     numeric(9,2)  not null,
    nonfacility_price  numeric(9,2)  not null,
    constraint pk_edits_opps_cap primary key (release_id, code, mac, locality, modifier)
);
