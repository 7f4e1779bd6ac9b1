-- Terminology expansions (FHIR ValueSet/$expand) page through a release's codes in book order.
create index ix_catalog_code_order on catalog_code (release_id, sort_order);
