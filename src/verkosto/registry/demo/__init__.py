"""The demo data: the organisations, networks, partnerships, themes and goals the seed texts
name, with their seeds as sources, plus clearly labelled sample figures (``data/``), and
the loader that writes them through the services (``load.demo_load``)."""
