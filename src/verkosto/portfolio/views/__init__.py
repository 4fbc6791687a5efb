"""Web pages of the portfolio app: the yearly review, data entry forms, the help page."""
