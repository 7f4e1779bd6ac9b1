-- Module catalog: notes as the book prints them and where each comes from.
-- lead_in: the note opens a list of items ("Code first, for adverse effects, the nature of the adverse effect, such as:");
-- lead_in_seq: the seq of the lead-in a note is an item of (0 when it is not an item);
-- since: the release that added the note or last revised it (FY2017 for what the FY2017 XML holds, FY2023 for a change
-- of the FY2023 addenda); null for releases imported before this column existed.
alter table catalog_note add column lead_in boolean default false not null;
alter table catalog_note add column lead_in_seq integer default 0 not null;
alter table catalog_note add column since varchar(20);
alter table catalog_seventh_character add column since varchar(20);

-- A change of a tabular addenda the import could not apply (text not found, no context...): the notes of its owner keep
-- the text they had before it, and the code page says so.
create table catalog_note_gap (
    release_id  bigint         not null references catalog_release (id) on delete cascade,
    owner       varchar(40),
    detail      varchar(2000)  not null
);
create index ix_catalog_note_gap on catalog_note_gap (release_id, owner);
