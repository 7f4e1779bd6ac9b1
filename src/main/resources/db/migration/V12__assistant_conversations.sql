-- Questions of one conversation share its first question's id; a question asked alone starts its own.
alter table assistant_question add column conversation_id bigint;
update assistant_question set conversation_id = id;
