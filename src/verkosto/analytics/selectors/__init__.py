"""Reads for the analyses: the landscape from the database, and whose private facts count."""
