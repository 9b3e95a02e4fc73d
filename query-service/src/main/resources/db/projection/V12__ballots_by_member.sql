-- A member's ballots, in one query: /api/members/{id}/ballots and the party page.
CREATE INDEX motion_vote_member ON motion_vote (member_id, position);
