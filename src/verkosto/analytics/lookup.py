"""Finding the organisation an analysis is about from what a person typed: an id, an
official code (Statistics Finland, kommunkod, Wikidata …) or a name in any language."""

from verkosto.registry.models import Identifier, Organisation
from verkosto.registry.selectors.organisations import organisation_search


class OrganisationNotFound(LookupError):
    """No organisation matches the text."""


def organisation_lookup(text: str) -> Organisation:
    """The one organisation ``text`` names; the best match when a name fits several.

    An all-digit text is tried as an id first, then as an identifier value ("091" is
    Helsinki's municipality code), so codes with leading zeros still work.
    """
    text = (text or "").strip()
    if not text:
        raise OrganisationNotFound(text)
    if text.isdigit():
        found = Organisation.objects.filter(pk=int(text)).first()
        if found is not None:
            return found
    identifier = (
        Identifier.objects.filter(value__iexact=text).select_related("organisation").first()
    )
    if identifier is not None:
        return identifier.organisation
    found = organisation_search(text=text).first()
    if found is None:
        raise OrganisationNotFound(text)
    return found
