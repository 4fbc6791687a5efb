"""Importers of real open data into the registry: one module per data source.

Every importer reads its whole file, checks every row, and writes in one transaction:
a file with a rejected row changes nothing (see ``base.BaseImporter.run``). Row imports
subclass ``base.Importer``; imports of a folder of files subclass ``base.FileImporter``.
"""
