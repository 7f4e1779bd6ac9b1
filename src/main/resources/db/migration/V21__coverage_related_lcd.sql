-- The LCD a billing and coding article belongs to (Medicare Coverage Database lcd_related_documents.csv), as cited.
alter table coverage_document add column related_document varchar(1100);
