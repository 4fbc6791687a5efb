"""Reads of the portfolio app (see inputs.py for the scoring input, reviews.py for pages)."""
