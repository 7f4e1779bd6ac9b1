-- Conversion tables give previous codes as single codes, categories ("I63.-") or ranges ("H81.41-H81.43").
-- previous_code holds the code, category or first code of a range; previous_to the last code of a range,
-- padded with Z so that every code below it compares as inside (null otherwise).
alter table catalog_code_conversion add column previous_to varchar(16);
create index ix_catalog_conversion_range on catalog_code_conversion (previous_code, previous_to);
