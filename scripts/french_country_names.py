#!/usr/bin/env python3
"""Writes the French names of the countries, once, from Debian's iso-codes package.

The names are the French translations of the ISO 3166-1 names (their common names where ISO
has one: Corée du Sud), turned the way people write them (Îles Salomon, not Salomon, Îles),
with the ISO French short names where they differ from the translation (Cabo Verde). It writes
`src/i18n/countries_fr.tsv`, which the pages and documents show, and the migration that teaches
the database the same names, so that `Tchad` or `Côte d'Ivoire` is found wherever a country is
read. Run it again only to take a newer iso-codes; commit both files together (a test checks
that they agree).

    apt-get install iso-codes && python3 scripts/french_country_names.py
"""

import gettext
import json
import pathlib

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
FRENCH = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"
ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "src/i18n/countries_fr.tsv"
MIGRATION = ROOT / "migrations/2026-12-06-110000_french_country_names/up.sql"

# Names as French speakers write them, where the translation reads as a list entry or differs
# from the ISO French short name.
WRITTEN = {
    "ALA": "Îles Åland",
    "CCK": "Îles Cocos (Keeling)",
    "CPV": "Cabo Verde",
    "CXR": "Île Christmas",
    "FLK": "Îles Malouines (Falkland)",
    "FSM": "Micronésie",
    "PSE": "Palestine",
    "REU": "La Réunion",
    "RUS": "Russie",
    "SLB": "Îles Salomon",
    "VAT": "Saint-Siège",
    "VIR": "Îles Vierges des États-Unis",
    "XKX": "Kosovo",
}


def names():
    translation = gettext.GNUTranslations(open(FRENCH, "rb"))
    countries = json.load(open(ISO))["3166-1"]
    found = {
        c["alpha_3"]: translation.gettext(c.get("common_name") or c["name"]) for c in countries
    }
    found.update(WRITTEN)
    return dict(sorted(found.items()))


def main():
    table = names()
    TABLE.write_text(
        "# The French name of each country, by its ISO 3166-1 alpha-3 code; written by\n"
        "# scripts/french_country_names.py from Debian's iso-codes (do not edit by hand).\n"
        + "".join(f"{code}\t{name}\n" for code, name in table.items())
    )
    values = ",\n".join(
        "    ('{}', '{}')".format(code, name.replace("'", "''")) for code, name in table.items()
    )
    MIGRATION.parent.mkdir(parents=True, exist_ok=True)
    MIGRATION.write_text(
        "-- The French name of each country (written by scripts/french_country_names.py, from the\n"
        "-- same list as src/i18n/countries_fr.tsv), so that a country typed in French is found\n"
        "-- wherever a country is read: `Tchad`, `Côte d'Ivoire`, `Guinée-Bissau`.\n\n"
        "ALTER TABLE country_names DROP CONSTRAINT country_names_kind_check;\n"
        "ALTER TABLE country_names ADD CONSTRAINT country_names_kind_check CHECK (kind IN\n"
        "    ('iso_code', 'iso_name', 'tip_name', 'common_name', 'former_name', 'research_code',\n"
        "     'french_name'));\n\n"
        "-- A French name that keys like a name the country already has (Mali, Niger) adds nothing.\n"
        "INSERT INTO country_names (name, country_code, kind)\n"
        "SELECT f.name, f.code, 'french_name'\n"
        "  FROM (VALUES\n" + values + "\n  ) AS f (code, name)\n"
        "  JOIN countries c ON c.code = f.code\n"
        "ON CONFLICT DO NOTHING;\n"
    )


if __name__ == "__main__":
    main()
