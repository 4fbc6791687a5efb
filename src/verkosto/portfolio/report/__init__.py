"""The leadership report: a portfolio's cost, value, overlaps, gaps, decisions and
indicators for one organisation and year, on screen, as PDF and as XLSX, in fi/sv/en.

``assemble`` reads the database into the plain ``data.Report``; ``html``, ``pdf`` and
``xlsx`` render that one structure, so the three formats always show the same figures.
``jobs`` runs the rendering as a background task with progress.
"""
