"""Every write of the portfolio app: each checks that the actor is an editor (or admin) of
the workspace the record belongs to, validates the record whole and saves it atomically
with the actor in history."""
