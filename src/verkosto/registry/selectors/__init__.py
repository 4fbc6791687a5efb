"""Reads from the registry. Every selector that returns facts applies visibility: public
facts plus the private facts of the workspaces the actor belongs to."""
