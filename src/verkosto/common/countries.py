"""Country names and codes as data files write them → ISO 3166-1 alpha-2. Pure, no Django.

Files say "fi", "FIN", "UK", "Finland", "Suomi", "England" or "Åland Islands, Finland";
the registry stores "FI", "GB". One function serves every importer so they agree.
"""

from functools import lru_cache

import pycountry

from verkosto.common.text import fold

# Codes some EU data sets use instead of ISO 3166 (Eurostat: UK, EL).
_CODE_ALIASES = {"UK": "GB", "EL": "GR"}
# Kosovo has no ISO code yet; the EU and most data sets use the user-assigned XK.
_EXTRA_CODES = {"XK"}
# Names pycountry does not know (keys folded): Finnish, Swedish and other local names;
# the UK's constituent countries; short forms and misspellings seen in the Wikipedia lists.
_NAMES = {
    "suomi": "FI",
    "ruotsi": "SE",
    "sverige": "SE",
    "norja": "NO",
    "norge": "NO",
    "tanska": "DK",
    "danmark": "DK",
    "viro": "EE",
    "eesti": "EE",
    "saksa": "DE",
    "tyskland": "DE",
    "deutschland": "DE",
    "islanti": "IS",
    "island": "IS",  # Iceland in Icelandic, German and the Nordic languages
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "republic of ireland": "IE",
    "russia": "RU",
    "turkey": "TR",
    "kosovo": "XK",
    "palestine": "PS",
    "west bank": "PS",
    "cape verde": "CV",
    "ivory coast": "CI",
    "democratic republic of the congo": "CD",
    "sao tome and principe": "ST",
    "brunei": "BN",
    "east timor": "TL",
    "micronesia": "FM",
    "falkland islands": "FK",
    "georgia country": "GE",
    "surinam": "SR",
    "madagaskar": "MG",
    "moldavia": "MD",
    "grece": "GR",
    "kazakhstah": "KZ",
    "bosnia and hercegovina": "BA",
    "japa": "JP",
    "in italy": "IT",
}


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """The alpha-2 code for a code (fi, FIN, uk, el) or a country name, or None.

    "Region, Country" ("Åland Islands, Finland", "Rauma, Norway") means the country after
    the comma, as the twin-town lists put a place's own region first; names that carry a
    comma themselves ("Korea, Republic of") are tried whole first.
    """
    value = text.strip()
    if not value:
        return None
    upper = value.upper()
    if upper in _CODE_ALIASES:
        return _CODE_ALIASES[upper]
    if upper in _EXTRA_CODES:
        return upper
    if fold(value) in _NAMES:
        return _NAMES[fold(value)]
    if len(value) == 2:
        # Two letters are a code, never a name: lookup() would also try names.
        found = pycountry.countries.get(alpha_2=upper)
        return found.alpha_2 if found else None
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        pass
    if "," in value:
        return country_code(value.rsplit(",", 1)[1])
    return None
