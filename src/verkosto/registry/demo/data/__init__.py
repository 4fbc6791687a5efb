"""The demo data: the facts of the five seed texts, the codes that identify the places they
name, and clearly labelled sample figures. Plain data only; ``demo.load`` writes it."""
