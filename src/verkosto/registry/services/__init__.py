"""Every write to the registry goes through a function in this package.

Each function is keyword-only, takes the ``actor`` (a user or ``SYSTEM``), checks the
actor's rights and the rules, validates the record (including database constraints)
and saves it with the actor recorded in history.
"""
