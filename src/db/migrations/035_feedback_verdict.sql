-- Feedback verdict and officer (issue 14): when answering, the center concludes whether the feedback is upheld
-- ("phản ánh đúng / có cơ sở") or not, and may name the officer it concerns (a user of the same center). The ranking
-- counts the upheld feedback against that officer and the department, which lowers their score.
ALTER TABLE feedback
  ADD COLUMN upheld boolean,
  ADD COLUMN officer_id uuid REFERENCES users(id);
CREATE INDEX feedback_officer ON feedback (officer_id) WHERE officer_id IS NOT NULL;
ALTER TABLE feedback_events
  ADD COLUMN upheld boolean,
  ADD COLUMN officer_id uuid REFERENCES users(id);
