"""The import kinds users name on the command line and in the admin."""

from django.utils.module_loading import import_string

from verkosto.registry.importers.base import BaseImporter

KINDS: dict[str, str] = {
    "statfi-municipalities": "verkosto.registry.importers.statfi.StatfiMunicipalitiesImporter",
    "se-municipalities": "verkosto.registry.importers.scb.SwedishMunicipalitiesImporter",
    "twin-towns": "verkosto.registry.importers.twin_towns.TwinTownsImporter",
    "wikidata-twinning": "verkosto.registry.importers.wikidata.WikidataTwinningImporter",
    "covenant-of-mayors": "verkosto.registry.importers.covenant.CovenantOfMayorsImporter",
    "members": "verkosto.registry.importers.members.MemberListImporter",
    "popolo": "verkosto.exchange.importers.PopoloImporter",
    "ftm": "verkosto.exchange.importers.FollowTheMoneyImporter",
    "documents": "verkosto.knowledge.importer.DocumentFolderImporter",
}


def importer_class(kind: str) -> type[BaseImporter]:
    try:
        return import_string(KINDS[kind])
    except KeyError:
        raise LookupError(
            f"unknown import kind {kind!r}; choose one of: {', '.join(sorted(KINDS))}"
        ) from None
