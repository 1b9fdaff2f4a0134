-- Online submission (issue 15 item 2): the citizen chooses how the result is delivered when submitting. The choice is
-- kept in dossiers.return_method (the field the return step records; the return step may still record another way),
-- and the postal address for a result sent by post here.
ALTER TABLE dossiers ADD COLUMN return_address text CHECK (char_length(return_address) <= 500);
