-- A PCS code page lists the index terms that send the reader to its table or a partial code with "see"/"use" (see_code):
-- without this index H2 reads every term of the release to find them (16 ms a page on the full data; issue 23).
create index ix_catalog_index_see on catalog_index_term (release_id, see_code);
