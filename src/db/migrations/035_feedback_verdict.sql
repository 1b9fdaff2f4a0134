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

-- Auto-invite to the rating tablet (issue 14): when a clerk records the return of a dossier at a counter with a paired
-- tablet, the evaluation is pushed to it as the "Mời đánh giá" button does. A center may switch it off.
ALTER TABLE centers ADD COLUMN evaluation_auto_invite boolean NOT NULL DEFAULT true;
