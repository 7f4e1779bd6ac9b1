-- Module assistant: the ICD-10-CM Official Guidelines for Coding and Reporting, split into sections for retrieval.
create table assistant_guideline_release (
    version         varchar(20)   not null primary key,
    label           varchar(120)  not null,
    effective_from  date          not null,
    fingerprint     varchar(64)   not null,
    file_name       varchar(400)  not null,
    imported_at     timestamp     not null
);

create table assistant_guideline (
    version     varchar(20)    not null references assistant_guideline_release (version) on delete cascade,
    seq         integer        not null,
    section_id  varchar(40)    not null,
    title       varchar(1000)  not null,
    body        varchar(60000) not null,
    constraint pk_assistant_guideline primary key (version, seq)
);
